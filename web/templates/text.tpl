{{%AUTOESCAPE context="HTML"}}<h1>Text</h1>
<p>Paragraphs side by side as the alignment pairs them (a paragraph one text splits in two sits beside both, in one row). {{#PREVAILING_NOTE}}The {{LANGUAGE}} text prevails in case of divergence.{{/PREVAILING_NOTE}} Commitments are <mark class="commitment">highlighted</mark> and lead to their pages, expressions <mark class="expression">marked</mark>.</p>
<table class="text">
<thead><tr>{{#HEAD}}<th lang="{{LANGUAGE}}">{{LANGUAGE_NAME}}{{#IS_PREVAILING}} <span class="badge">prevails</span>{{/IS_PREVAILING}}</th>{{/HEAD}}</tr></thead>
{{#ROW}}<tbody><tr id="{{EID}}"><th colspan="{{COLUMNS}}" scope="rowgroup" class="heading">{{#HEADING_TEXT}}{{TEXT}}{{/HEADING_TEXT}} <a href="#{{EID}}" class="eid">{{EID}}</a>{{#ALSO}} + <a href="#{{EID}}" id="{{EID}}" class="eid">{{EID}}</a>{{/ALSO}}</th></tr>
<tr>{{#CELL}}<td lang="{{LANGUAGE}}">{{#PARAGRAPH}}<p id="{{PARAGRAPH_ID}}">{{#LABEL}}<span class="num">{{NUM}}</span> {{/LABEL}}{{#SENTENCE}}{{#COMMITMENT}}<a class="commitment" href="/commitments/{{ID}}" title="{{TITLE}}">{{/COMMITMENT}}{{#PIECE}}{{#PLAIN}}{{TEXT}}{{/PLAIN}}{{#MARK}}<mark class="expression" title="{{KIND}}">{{TEXT}}</mark>{{/MARK}}{{/PIECE}}{{#COMMITMENT}}</a>{{/COMMITMENT}} {{/SENTENCE}}</p>{{/PARAGRAPH}}</td>{{/CELL}}</tr></tbody>
{{/ROW}}
</table>
