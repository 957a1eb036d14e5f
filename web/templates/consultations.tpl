{{%AUTOESCAPE context="HTML"}}<h1>Consultations</h1>
<p>As of {{AT}}. After a request, consultations are due within the window the agreement sets; the clock runs in exact hours across midnight and time zones.</p>
{{#NONE}}<p>No consultation procedure in the rules of this agreement.</p>{{/NONE}}
{{#PROCEDURE}}<section class="consultations">
<h2><a href="/commitments/{{ID}}{{AT_QUERY}}">{{TITLE}}</a> <span class="badge {{STATUS}}">{{STATUS_WORDS}}</span></h2>
{{#META}}<p class="meta">{{OBLIGORS}} · {{STRENGTH}} · {{HEADINGS}} · <span class="id">{{ID}}</span></p>{{/META}}
<p>{{SUMMARY}} · window {{WINDOW}} · requests of subtype {{SUBTYPE}}</p>
{{#HAS_REQUESTS}}<div class="table"><table class="data">
<thead><tr><th>Request</th><th>By</th><th>Clock starts</th><th>Due by</th><th>State</th><th>Time left</th><th>Held at</th></tr></thead>
<tbody>{{#REQUEST}}<tr class="{{STATE}}"><td><code>{{REQUEST_ID}}</code></td><td>{{BY}}</td><td>{{OPENS}}</td><td>{{CLOSES}}</td><td><span class="badge {{STATE}}">{{STATE_WORDS}}</span></td><td>{{TIME_LEFT}}</td><td>{{RESPONSE_AT}}</td></tr>
{{/REQUEST}}</tbody>
</table></div>{{/HAS_REQUESTS}}
<ul class="reasons">{{#REASON}}<li>{{FINDING}} (<a href="/text#{{EID}}">{{EID}}</a>)</li>{{/REASON}}</ul>
</section>{{/PROCEDURE}}
