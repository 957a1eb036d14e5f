{{%AUTOESCAPE context="HTML"}}<h1>Search</h1>
<form method="get" action="/search" class="filters search">
<label>Words <input type="search" name="q" value="{{Q}}" placeholder="consult, drones, miljonu" required></label>
<label>Language <select name="lang">{{#LANGUAGE_OPTION}}<option value="{{VALUE}}" {{SELECTED}}>{{LABEL}}</option>{{/LANGUAGE_OPTION}}</select></label>
<label>In <select name="kind">{{#KIND_OPTION}}<option value="{{VALUE}}" {{SELECTED}}>{{LABEL}}</option>{{/KIND_OPTION}}</select></label>
<button type="submit">Search</button>
</form>
<p class="meta">Every word must occur, in any case and with or without diacritics, as written or in another form of it ("miljonu" finds "miljonus", "consult" finds "consultations"). Entries with every word as written come first.</p>
{{#SEARCH_ERROR}}<p class="error">{{MESSAGE}}</p>{{/SEARCH_ERROR}}
{{#RESULTS}}<p class="count">{{COUNT_TEXT}} for “{{Q}}”{{#LIMITED}}, the best ones only: <a href="{{ALL_HREF}}">show them all</a>, or add a word{{#NO_LANGUAGE}} or choose a language{{/NO_LANGUAGE}} to narrow the search{{/LIMITED}}.</p>
<ol class="hits">{{#HIT}}<li><p class="meta">{{KIND}} <a href="{{HREF}}">{{ID}}</a> · {{LANGUAGE_NAME}}{{#HEADINGS}} · {{TEXT}}{{/HEADINGS}}</p>
<p lang="{{LANGUAGE}}">{{#PIECE}}{{#PLAIN}}{{TEXT}}{{/PLAIN}}{{#MARK}}<mark>{{TEXT}}</mark>{{/MARK}}{{/PIECE}}</p></li>
{{/HIT}}</ol>{{/RESULTS}}
