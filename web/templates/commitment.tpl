{{%AUTOESCAPE context="HTML"}}<h1>{{TITLE}}</h1>
<p class="meta">id <span class="id">{{ID}}</span> · {{CLASS}} · {{STRENGTH}} · {{CATEGORY}} · obligor {{OBLIGORS}}{{#BENEFICIARY}} · for {{NAME}}{{/BENEFICIARY}} · provision <a href="/text#{{EID}}">{{EID}}</a></p>
<p class="headings">{{HEADINGS}}</p>
{{#HAS_STATUS}}<section class="status">
<h2>Status on {{AT}}: <span class="badge {{STATUS}}">{{STATUS_WORDS}}</span></h2>
<p>{{SUMMARY}}</p>
<table class="data progress">
<thead><tr><th scope="col">Years</th><th scope="col" class="num">Achieved</th><th scope="col"></th><th scope="col" class="num">Target</th><th scope="col">Share</th><th scope="col">Status</th></tr></thead>
<tbody>{{#PERIOD}}<tr><th scope="row">{{LABEL}}</th><td class="num">{{ACHIEVED}}</td><td>of</td><td class="num">{{TARGET}}</td><td>{{#BAR}}<progress max="100" value="{{VALUE}}">{{PERCENT}}</progress> {{PERCENT}}{{/BAR}}</td><td>{{PERIOD_STATUS_WORDS}}</td></tr>{{/PERIOD}}</tbody>
</table>
{{#HAS_CHART}}<svg class="chart" viewBox="0 0 {{CHART_WIDTH}} {{CHART_HEIGHT}}" role="img" aria-label="Target against achieved per period">
{{#CHART_BAR}}<rect class="target" x="{{TARGET_X}}" y="{{TARGET_Y}}" width="{{BAR_W}}" height="{{TARGET_H}}"></rect><rect class="achieved" x="{{ACHIEVED_X}}" y="{{ACHIEVED_Y}}" width="{{BAR_W}}" height="{{ACHIEVED_H}}"></rect><text x="{{LABEL_X}}" y="{{CHART_HEIGHT}}">{{LABEL}}</text>
{{/CHART_BAR}}</svg>{{/HAS_CHART}}
<h3>Why</h3>
<ul class="reasons">{{#REASON}}<li>{{FINDING}} (<a href="/text#{{EID}}">{{EID}}</a>){{#REASON_EVENT}} <code>{{ID}}</code>{{/REASON_EVENT}}</li>{{/REASON}}</ul>
</section>{{/HAS_STATUS}}
<h2>Quotes</h2>
{{#QUOTE}}<blockquote lang="{{LANGUAGE}}" class="{{PREVAILING}}"><p>{{TEXT}}</p><footer>{{LANGUAGE}} · {{QUOTE_EID}} · line {{LINE}}{{#IS_PREVAILING}} · prevailing text{{/IS_PREVAILING}}</footer></blockquote>
{{/QUOTE}}
<h2>Targets</h2>
{{#NO_TARGETS}}<p>No numeric targets.</p>{{/NO_TARGETS}}
<ul>{{#TARGET}}<li>{{KIND}}: {{TEXT}} <code>{{VALUE}}</code></li>{{/TARGET}}</ul>
{{#HAS_CONDITIONS}}<h2>Conditions</h2><ul>{{#CONDITION}}<li>{{KIND}}: {{TEXT}}</li>{{/CONDITION}}</ul>{{/HAS_CONDITIONS}}
{{#HAS_FLAGS}}<h2>Where the texts differ</h2><ul>{{#FLAG}}<li>{{TEXT}}</li>{{/FLAG}}</ul>{{/HAS_FLAGS}}
<h2>Linked events</h2>
{{#NO_EVENTS}}<p>No events recorded for this commitment.</p>{{/NO_EVENTS}}
<table class="data">
{{#HAS_EVENTS}}<thead><tr><th scope="col">Date</th><th scope="col">Type</th><th scope="col">Participant</th><th scope="col" class="num">Amount</th><th scope="col">Description</th><th scope="col">Classification</th></tr></thead>{{/HAS_EVENTS}}
<tbody>
{{#EVENT}}<tr class="{{CORRECTED}}"><td class="date">{{DATE}}</td><td>{{TYPE}}</td><td>{{PARTICIPANT}}</td><td class="num">{{AMOUNT}}</td><td>{{DESCRIPTION}}</td><td>{{CLASSIFICATION}}</td></tr>
{{/EVENT}}
</tbody>
</table>
{{#REVIEWS}}<h2 id="reviews">Reviews</h2>
{{#NO_REVIEWS}}<p>No reviews yet.</p>{{/NO_REVIEWS}}
<table class="data reviews">
{{#HAS_REVIEWS}}<thead><tr><th scope="col">At</th><th scope="col">Reviewer</th><th scope="col">Decision</th><th scope="col">Change</th><th scope="col">Note</th></tr></thead>{{/HAS_REVIEWS}}
<tbody>
{{#REVIEW}}<tr><td>{{AT}}</td><td>{{REVIEWER}}</td><td>{{DECISION}}</td><td>{{#CHANGE}}{{FIELD}}: <code>{{FROM}}</code> → <code>{{TO}}</code>{{/CHANGE}}</td><td>{{NOTE}}</td></tr>
{{/REVIEW}}
</tbody>
</table>
{{#REVIEW_FORM}}<form class="review" method="post" action="/commitments/{{ID}}/reviews">
<h3>Review this commitment</h3>
<p class="hint">Every signed-in user, readers included, sees reviews: do not repeat what a restricted event says.</p>
{{#REVIEW_ERROR}}<p class="error" role="alert">{{TEXT}}</p>{{/REVIEW_ERROR}}
<input type="hidden" name="csrf" value="{{CSRF}}">
<label>Decision <select name="decision">{{#DECISION_OPTION}}<option value="{{VALUE}}" {{SELECTED}}>{{VALUE}}</option>{{/DECISION_OPTION}}</select></label>
<label>Field to correct <select name="field">{{#FIELD_OPTION}}<option value="{{VALUE}}" {{SELECTED}}>{{VALUE}}</option>{{/FIELD_OPTION}}</select></label>
<label>Corrected value (JSON, or plain text for a word) <input name="to" value="{{TO}}"></label>
<label>Why <textarea name="note" rows="3">{{NOTE}}</textarea></label>
<button type="submit">Save review</button>
</form>{{/REVIEW_FORM}}{{/REVIEWS}}
