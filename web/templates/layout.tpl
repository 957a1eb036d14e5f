{{%AUTOESCAPE context="HTML"}}<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{{TITLE}}{{#TITLE_AT}}{{#CARRIES_AT}} at {{AT_VALUE}}{{/CARRIES_AT}}{{/TITLE_AT}} · treaty</title>
<link rel="stylesheet" href="/static/site.css">
</head>
<body>
<header class="top">
<nav>
<a href="/{{AT_QUERY}}"{{#NAV_overview}} class="current" aria-current="page"{{/NAV_overview}}>Overview</a>
<a href="/text"{{#NAV_text}} class="current" aria-current="page"{{/NAV_text}}>Text</a>
<a href="/commitments{{AT_QUERY}}"{{#NAV_commitments}} class="current" aria-current="page"{{/NAV_commitments}}>Commitments</a>
<a href="/ledger"{{#NAV_ledger}} class="current" aria-current="page"{{/NAV_ledger}}>Ledger</a>
<a href="/calendar{{AT_QUERY}}"{{#NAV_calendar}} class="current" aria-current="page"{{/NAV_calendar}}>Calendar</a>
<a href="/consultations{{AT_QUERY}}"{{#NAV_consultations}} class="current" aria-current="page"{{/NAV_consultations}}>Consultations</a>
<a href="/search"{{#NAV_search}} class="current" aria-current="page"{{/NAV_search}}>Search</a>
{{#SIGNED_IN}}{{#RECORDER}}<a href="/record"{{#NAV_record}} class="current" aria-current="page"{{/NAV_record}}>Record an event</a>{{/RECORDER}}{{/SIGNED_IN}}
</nav>
<div class="account">
{{#SIGNED_IN}}<span class="who">{{USER_NAME}} ({{USER_ROLE}}{{#RECORDER}}, {{USER_INSTITUTION}}{{/RECORDER}})</span>
<form method="post" action="/signout" class="inline"><input type="hidden" name="csrf" value="{{CSRF}}"><button type="submit">Sign out</button></form>{{/SIGNED_IN}}
{{#SIGNED_OUT}}<a href="/signin"{{#NAV_signin}} class="current" aria-current="page"{{/NAV_signin}}>Sign in</a>{{/SIGNED_OUT}}
</div>
</header>
<main>
{{CONTENT:none}}
</main>
<footer>treaty · <a href="/api/v1/openapi.json">API</a></footer>
</body>
</html>
