{{%AUTOESCAPE context="HTML"}}<h1>Record an event</h1>
<p>Recorded by {{INSTITUTION}} in the name of {{USER}}, signed with the institution's key. Payments, allocations, pledges, training and technical agreements are recorded here; deliveries, meetings, notices and consultations, which need more fields, with <code>treaty record</code> or the API (<code>POST /api/v1/events</code>).</p>
{{#FAILED}}<div class="error" role="alert"><p>Not recorded:</p><ul>{{#ERROR}}<li>{{TEXT}}</li>{{/ERROR}}</ul></div>{{/FAILED}}
<form method="post" action="/record" class="stacked">
<input type="hidden" name="csrf" value="{{CSRF}}">
<label>Type <select name="type">{{#TYPE_OPTION}}<option value="{{VALUE}}" {{SELECTED}}>{{LABEL}}</option>{{/TYPE_OPTION}}</select></label>
<label>Participant <select name="participant">{{#PARTICIPANT_OPTION}}<option value="{{VALUE}}" {{SELECTED}}>{{VALUE}}</option>{{/PARTICIPANT_OPTION}}</select></label>
<label>Date <input name="date" type="date" value="{{DATE}}" required></label>
<label>Commitments (one or more: Ctrl- or ⌘-click for several) <select name="commitment" multiple size="8">{{#COMMITMENT_OPTION}}<option value="{{VALUE}}" {{SELECTED}}>{{LABEL}}</option>{{/COMMITMENT_OPTION}}</select></label>
<label>Amount (major units) <input name="amount" value="{{AMOUNT}}" inputmode="decimal"></label>
<label>Currency <input name="currency" value="{{CURRENCY}}" maxlength="3" placeholder="EUR"></label>
<label>Description <textarea name="description" rows="3" required>{{DESCRIPTION}}</textarea></label>
<label>Evidence (URL) <input name="evidence" value="{{EVIDENCE}}" type="url"></label>
<label>Classification <select name="classification" required>{{#CLASSIFICATION_OPTION}}<option value="{{VALUE}}" {{SELECTED}}>{{LABEL}}</option>{{/CLASSIFICATION_OPTION}}</select></label>
<button type="submit">Record</button>
</form>
