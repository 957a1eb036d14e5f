{{%AUTOESCAPE context="HTML"}}<h1>Commitments</h1>
<form method="get" action="/commitments" class="filters">
<label>Area <input name="area" value="{{AREA}}" placeholder="2, sec_2__hcontainer_1, drone"></label>
<label>Obligor <select name="obligor">{{#OBLIGOR_OPTION}}<option value="{{VALUE}}" {{SELECTED}}>{{LABEL}}</option>{{/OBLIGOR_OPTION}}</select></label>
<label>Strength <select name="strength">{{#STRENGTH_OPTION}}<option value="{{VALUE}}" {{SELECTED}}>{{LABEL}}</option>{{/STRENGTH_OPTION}}</select></label>
<label>Category <select name="category">{{#CATEGORY_OPTION}}<option value="{{VALUE}}" {{SELECTED}}>{{LABEL}}</option>{{/CATEGORY_OPTION}}</select></label>
<label>Status on {{AT}}{{#PUBLIC_ONLY}} (public events only){{/PUBLIC_ONLY}} <select name="status">{{#STATUS_OPTION}}<option value="{{VALUE}}" {{SELECTED}}>{{LABEL}}</option>{{/STATUS_OPTION}}</select></label>
{{#CARRIES_AT}}<input type="hidden" name="at" value="{{AT_VALUE}}">{{/CARRIES_AT}}<button type="submit">Filter</button>
</form>
{{#FILTER_ERROR}}<p class="error">{{MESSAGE}}</p>{{/FILTER_ERROR}}
<p>{{COUNT}} shown.</p>
<div class="table"><table class="data commitments">
<thead><tr><th>Id</th><th>Obligor</th><th>Strength</th><th>Category</th><th>Status</th><th>Action</th><th>Text{{#QUOTE_LANGUAGE_NAMED}} ({{LANGUAGE}}){{/QUOTE_LANGUAGE_NAMED}}</th></tr></thead>
<tbody>
{{#ROW}}<tr><td class="id"><a href="/commitments/{{ID}}{{AT_QUERY}}">{{#ID_PART}}{{TEXT}}<wbr>{{/ID_PART}}</a></td><td>{{OBLIGORS}}</td><td>{{STRENGTH}}</td><td>{{CATEGORY}}</td><td>{{#HAS_STATUS}}<span class="badge {{STATUS}}">{{STATUS_WORDS}}</span>{{/HAS_STATUS}}{{#NO_STATUS}}<span class="muted">not evaluated</span>{{/NO_STATUS}}</td><td>{{ACTION}}</td><td lang="{{QUOTE_LANGUAGE}}">{{QUOTE}}</td></tr>
{{/ROW}}
</tbody>
</table></div>
