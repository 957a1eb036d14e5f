{{%AUTOESCAPE context="HTML"}}<h1>{{AGREEMENT_TITLE}}</h1>
<dl class="facts">
<dt>Parties</dt><dd>{{#PARTY}}{{PARTY_NAME}} ({{PARTY_CODE}}){{#PARTY_separator}}, {{/PARTY_separator}}{{/PARTY}}</dd>
<dt>Signed</dt><dd>{{SIGNED_DATE}}, {{SIGNED_PLACE}}</dd>
<dt>Entry into force</dt><dd>{{ENTRY_INTO_FORCE}}</dd>
<dt>Term</dt><dd>{{TERM}}</dd>
<dt>Authentic texts</dt><dd>{{#LANGUAGE}}{{LANGUAGE_NAME}}{{#NOT_INCLUDED}} (not included here){{/NOT_INCLUDED}}{{#LANGUAGE_separator}}, {{/LANGUAGE_separator}}{{/LANGUAGE}}; prevailing: {{PREVAILING}}</dd>
</dl>
{{#LIFECYCLE}}<section class="lifecycle">
<h2>State on {{AT}}: <span class="badge state" data-state="{{STATE}}">{{STATE_WORDS}}</span></h2>
<p>{{SUMMARY}} <a href="/calendar{{AT_QUERY}}">Calendar</a></p>
<svg class="timeline" viewBox="0 0 {{WIDTH}} 125" role="img" aria-label="The term, year by year, with its deadlines">
<line class="axis" x1="20" y1="40" x2="{{END_X}}" y2="40"></line>
{{#YEAR}}<line class="tick" x1="{{X}}" y1="34" x2="{{X}}" y2="46"></line><text x="{{X}}" y="26">{{LABEL}}</text>
{{/YEAR}}<line class="now" x1="{{NOW_X}}" y1="14" x2="{{NOW_X}}" y2="120"></line>
{{#MARK}}<circle class="{{STATE}}" cx="{{X}}" cy="40" r="5"><title>{{DATE}}: {{TITLE}} ({{STATE_WORDS}})</title></circle><line class="lead" x1="{{X}}" y1="45" x2="{{X}}" y2="{{Y}}"></line><circle class="{{STATE}}" cx="{{X}}" cy="{{Y}}" r="3"><title>{{DATE}}: {{TITLE}} ({{STATE_WORDS}})</title></circle>
{{/MARK}}
</svg>
<p class="legend">{{#STATE_KEY}}<span class="dot {{STATE}}"></span> {{STATE_WORDS}} {{/STATE_KEY}}· dashed line: {{AT}}</p>
{{#UPCOMING}}<p class="next">Next deadlines:</p><ul class="next">{{#NEXT}}<li>{{DATE}}: {{TITLE}}</li>{{/NEXT}}</ul>{{/UPCOMING}}
<details><summary>Why</summary><ul class="reasons">{{#LIFECYCLE_REASON}}<li>{{FINDING}} (<a href="/text#{{EID}}">{{EID}}</a>)</li>{{/LIFECYCLE_REASON}}</ul></details>
</section>{{/LIFECYCLE}}
<section>
<h2>Key targets</h2>
<p><a href="/commitments{{AT_QUERY}}">{{COMMITMENT_COUNT}} commitments and procedures</a> in {{SECTION_COUNT}} sections.</p>
{{#TARGET}}<article class="target">
<h3><a href="/commitments/{{ID}}{{AT_QUERY}}">{{TITLE}}</a> <span class="badge {{STATUS}}">{{STATUS_WORDS}}</span></h3>
{{#META}}<p class="meta">{{OBLIGORS}} · {{STRENGTH}} · {{HEADINGS}} · <span class="id">{{ID}}</span></p>{{/META}}
<p>{{SUMMARY}}</p>
{{>PROGRESS}}
</article>
{{/TARGET}}
</section>
<section>
<h2>Ledger</h2>
<p><a href="/ledger">{{EVENT_COUNT}} {{EVENT_WORD}}</a> recorded{{#HEAD}}; latest signed tree head: size {{HEAD_SIZE}}, signed by {{HEAD_SIGNER}} at {{HEAD_TIME}}{{/HEAD}}.</p>
</section>
