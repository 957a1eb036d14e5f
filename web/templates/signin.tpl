{{%AUTOESCAPE context="HTML"}}<h1>Sign in</h1>
{{#FAILED}}<p class="error" role="alert">{{ERROR}}</p>{{/FAILED}}
<form method="post" action="/signin" class="stacked">
<input type="hidden" name="next" value="{{NEXT}}">
{{#SIGNED_IN_AS}}<p>You are signed in as {{USER_NAME}}. Signing in here changes to another account.</p>
<input type="hidden" name="csrf" value="{{CSRF}}">{{/SIGNED_IN_AS}}
<label>User name <input name="name" value="{{NAME}}" autocomplete="username" required></label>
<label>Password <input name="password" type="password" autocomplete="current-password" required></label>
<button type="submit">Sign in</button>
</form>
