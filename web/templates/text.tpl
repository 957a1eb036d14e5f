{{%AUTOESCAPE context="HTML"}}<h1>Text</h1>
<p>Paragraphs side by side as the alignment pairs them (a paragraph one text splits in two sits beside both, in one row). {{#PREVAILING_NOTE}}The {{LANGUAGE}} text prevails in case of divergence.{{/PREVAILING_NOTE}} Commitments are <mark class="commitment">highlighted</mark>, expressions <mark class="expression">marked</mark>.</p>
<table class="text">
<thead><tr>{{#HEAD}}<th lang="{{LANGUAGE}}">{{LANGUAGE_NAME}}{{#IS_PREVAILING}} <span class="badge">prevails</span>{{/IS_PREVAILING}}</th>{{/HEAD}}</tr></thead>
{{#ROW}}<tbody><tr id="{{EID}}"><th colspan="{{COLUMNS}}" scope="rowgroup" class="heading">{{#HEADING_TEXT}}{{TEXT}}{{/HEADING_TEXT}} <a href="#{{EID}}" class="eid">{{EID}}</a>{{#ALSO}} + <a href="#{{EID}}" id="{{EID}}" class="eid">{{EID}}</a>{{/ALSO}}</th></tr>
<tr>{{#CELL}}<td lang="{{LANGUAGE}}">{{#PARAGRAPH}}<p id="{{PARAGRAPH_ID}}">{{#SENTENCE}}<span class="{{CLASS}}" title="{{TITLE}}">{{#PIECE}}{{#PLAIN}}{{TEXT}}{{/PLAIN}}{{#MARK}}<mark class="expression" title="{{KIND}}">{{TEXT}}</mark>{{/MARK}}{{/PIECE}}</span> {{/SENTENCE}}</p>{{/PARAGRAPH}}</td>{{/CELL}}</tr></tbody>
{{/ROW}}
</table>
