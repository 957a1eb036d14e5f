{{%AUTOESCAPE context="HTML"}}<h1>Calendar</h1>
<p>Deadlines as of {{AT}}. <a href="/api/v1/calendar.ics{{AT_QUERY}}" download>Download as iCalendar (.ics)</a></p>
<div class="table"><table class="data deadlines">
<thead><tr><th>Date</th><th>What</th><th>Of</th><th>State</th><th>Provision</th></tr></thead>
<tbody>
{{#DEADLINE}}<tr class="{{STATE}}"><td class="date">{{DATE}}</td><td>{{TITLE}}</td><td>{{#OF_COMMITMENT}}<a href="/commitments/{{ID}}{{AT_QUERY}}">{{COMMITMENT_TITLE}}</a>{{/OF_COMMITMENT}}{{#OF_AGREEMENT}}the Agreement{{/OF_AGREEMENT}}</td><td><span class="badge {{STATE}}">{{STATE_WORDS}}</span></td><td><a href="/text#{{EID}}">{{EID}}</a></td></tr>
{{/DEADLINE}}
</tbody>
</table></div>
<h2>Yearly duties</h2>
<ul>{{#DUTY}}<li>{{TITLE}}: each year from {{DATE}} to {{UNTIL}}{{#APART}}; then {{APART_DATE}}: {{APART_TITLE}}{{/APART}} (<a href="/text#{{EID}}">{{EID}}</a>)</li>{{/DUTY}}</ul>
