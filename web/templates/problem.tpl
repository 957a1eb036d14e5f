{{%AUTOESCAPE context="HTML"}}<h1>{{HEADING}}</h1>
<p>{{MESSAGE}}</p>
<p><a href="/">Overview</a> · <a href="/search">Search</a></p>
