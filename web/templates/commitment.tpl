{{%AUTOESCAPE context="HTML"}}<h1>{{TITLE}}</h1>
<p class="meta">id <span class="id">{{ID}}</span> · {{CLASS}} · {{STRENGTH}} · {{CATEGORY}} · obligor {{OBLIGORS}}{{#BENEFICIARY}} · for {{NAME}}{{/BENEFICIARY}} · provision <a href="/text#{{EID}}">{{EID}}</a></p>
<p class="headings">{{HEADINGS}}</p>
{{#HAS_STATUS}}<section class="status">
<h2>Status on {{AT}}{{#PUBLIC_ONLY}} (public events only){{/PUBLIC_ONLY}}: <span class="badge {{STATUS}}">{{STATUS_WORDS}}</span></h2>
<p>{{SUMMARY}}</p>
{{>PROGRESS}}
<h3>Why</h3>
<ul class="reasons">{{#REASON}}<li>{{FINDING}} (<a href="/text#{{EID}}">{{EID}}</a>){{#REASON_EVENT}} <a href="/ledger?event={{ID}}#{{ID}}"><code>{{ID}}</code></a>{{/REASON_EVENT}}</li>{{/REASON}}</ul>
</section>{{/HAS_STATUS}}
<h2>Quotes</h2>
{{#QUOTE}}<blockquote lang="{{LANGUAGE}}" class="{{PREVAILING}}"><p>{{TEXT}}</p><footer>{{LANGUAGE}} · {{QUOTE_EID}} · line {{LINE}}{{#IS_PREVAILING}} · prevailing text{{/IS_PREVAILING}}</footer></blockquote>
{{/QUOTE}}
<h2>Targets</h2>
{{#NO_TARGETS}}<p>No numeric targets.</p>{{/NO_TARGETS}}
<ul>{{#TARGET}}<li>{{KIND}}: {{TEXT}}</li>{{/TARGET}}</ul>
{{#HAS_CONDITIONS}}<h2>Conditions</h2><ul>{{#CONDITION}}<li>{{KIND}}: {{TEXT}}</li>{{/CONDITION}}</ul>{{/HAS_CONDITIONS}}
{{#HAS_FLAGS}}<h2>Where the texts differ</h2><ul>{{#FLAG}}<li>{{TEXT}}</li>{{/FLAG}}</ul>{{/HAS_FLAGS}}
<h2>Linked events</h2>
{{#NO_EVENTS}}<p>No events recorded for this commitment.</p>{{/NO_EVENTS}}
{{#HAS_EVENTS}}<div class="table"><table class="data">
<thead><tr><th scope="col">Date</th><th scope="col">Type</th><th scope="col">Participant</th><th scope="col" class="num">Amount or quantity</th><th scope="col">Description</th><th scope="col">Classification</th></tr></thead>
<tbody>
{{#EVENT}}<tr class="{{CORRECTED}}{{#LATER}} later{{/LATER}}"><td class="date">{{DATE}}{{#LATER}}<br><small>after {{DAY}}: not counted</small>{{/LATER}}</td><td>{{TYPE}}</td><td>{{PARTICIPANT}}</td><td class="num">{{AMOUNT}}</td><td>{{DESCRIPTION}}</td><td>{{CLASSIFICATION}}</td></tr>
{{/EVENT}}
</tbody>
</table></div>{{/HAS_EVENTS}}
{{#REVIEWS}}<h2 id="reviews">Reviews</h2>
<p>{{#PACKAGE_REVIEW}}The agreement's review file: <strong>{{DECISION}}</strong>{{#PACKAGE_NOTE}} ({{NOTE}}){{/PACKAGE_NOTE}}.{{/PACKAGE_REVIEW}}{{#NOT_IN_PACKAGE}}The agreement's review file has no decision on this commitment.{{/NOT_IN_PACKAGE}}{{#NO_REVIEWS}} No reviews on this server yet.{{/NO_REVIEWS}}</p>
{{#HAS_REVIEWS}}<div class="table"><table class="data reviews">
<thead><tr><th scope="col">At</th><th scope="col">Reviewer</th><th scope="col">Decision</th><th scope="col">Change</th><th scope="col">Note</th></tr></thead>
<tbody>
{{#REVIEW}}<tr><td>{{AT}}</td><td>{{REVIEWER}}</td><td>{{DECISION}}</td><td>{{#CHANGE}}{{FIELD}}: <code>{{FROM}}</code> → <code>{{TO}}</code>{{/CHANGE}}</td><td>{{NOTE}}</td></tr>
{{/REVIEW}}
</tbody>
</table></div>{{/HAS_REVIEWS}}
{{#REVIEW_FORM}}<form class="review stacked" method="post" action="/commitments/{{ID}}/reviews">
<h3>Review this commitment</h3>
<p class="hint">Every signed-in user, readers included, sees reviews: do not repeat what a restricted event says.</p>
{{#REVIEW_ERROR}}<p class="error" role="alert">{{TEXT}}</p>{{/REVIEW_ERROR}}
<input type="hidden" name="csrf" value="{{CSRF}}">
<label>Decision <select name="decision" required><option value="">choose…</option>{{#DECISION_OPTION}}<option value="{{VALUE}}" {{SELECTED}}>{{VALUE}}</option>{{/DECISION_OPTION}}</select></label>
<label>Field to correct <select name="field"><option value="">none: the whole commitment</option>{{#FIELD_OPTION}}<option value="{{VALUE}}" {{SELECTED}}>{{VALUE}}</option>{{/FIELD_OPTION}}</select></label>
<label>Corrected value (JSON, or plain text for a word) <input name="to" value="{{TO}}"></label>
<label>Why <textarea name="note" rows="3">{{NOTE}}</textarea></label>
<button type="submit">Save review</button>
</form>{{/REVIEW_FORM}}{{/REVIEWS}}
