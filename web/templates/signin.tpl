{{%AUTOESCAPE context="HTML"}}<h1>Sign in</h1>
{{#FAILED}}<p class="error" role="alert">{{ERROR}}</p>{{/FAILED}}
<form method="post" action="/signin" class="stacked">
<input type="hidden" name="next" value="{{NEXT}}">
<label>User name <input name="name" value="{{NAME}}" autocomplete="username" required></label>
<label>Password <input name="password" type="password" autocomplete="current-password" required></label>
<button type="submit">Sign in</button>
</form>
