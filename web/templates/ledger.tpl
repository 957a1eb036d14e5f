{{%AUTOESCAPE context="HTML"}}<h1>Ledger</h1>
{{#RECORDED}}<p class="notice" role="status">Recorded: event <code>{{ID}}</code> is leaf {{LEAF}}{{#SHOWN_BELOW}}, shown below{{/SHOWN_BELOW}}{{#ON_ITS_PAGE}}, on <a href="/ledger?begin={{PAGE}}">its page</a>{{/ON_ITS_PAGE}}.</p>{{/RECORDED}}
{{#ALREADY}}<p class="notice" role="status">Already recorded, nothing new was written: event <code>{{ID}}</code> is leaf {{LEAF}}{{#SHOWN_BELOW}}, shown below{{/SHOWN_BELOW}}{{#ON_ITS_PAGE}}, on <a href="/ledger?begin={{PAGE}}">its page</a>{{/ON_ITS_PAGE}}.</p>{{/ALREADY}}
{{#EVENT_UNSEEN}}<p class="notice" role="status">The event the link names is not among the events of this ledger that you may see.</p>{{/EVENT_UNSEEN}}
{{#HEAD}}<p class="head">Signed tree head: size {{SIZE}}, root <code>{{ROOT}}</code>, signed by {{SIGNER}} at {{TIME}}. <span class="badge {{VERIFY_CLASS}}">{{VERIFY_TEXT}}</span></p>{{/HEAD}}
{{#PAST_END}}<p class="range">No leaves from {{BEGIN}}: the ledger has {{SIZE}}. <a href="/ledger">Latest events</a></p>{{/PAST_END}}
{{#HEAD_UNREADABLE}}<p class="head">The latest signed tree head cannot be read: {{PROBLEM}}. <span class="badge {{VERIFY_CLASS}}">{{VERIFY_TEXT}}</span></p>{{/HEAD_UNREADABLE}}
{{#NO_HEAD}}<p>The ledger is empty.</p>{{/NO_HEAD}}
{{#RANGE}}<p class="range">Leaves {{FIRST}} to {{LAST}} of {{SIZE}}{{#PUBLIC_ONLY}} (public events only){{/PUBLIC_ONLY}}.{{#HAS_EARLIER}} <a href="/ledger?begin={{EARLIER}}{{#EARLIER_END}}&amp;end={{END}}{{/EARLIER_END}}">Earlier events</a>{{/HAS_EARLIER}}{{#HAS_LATER}} <a href="/ledger?begin={{LATER}}">Later events</a>{{/HAS_LATER}}</p>{{/RANGE}}
{{#UNREADABLE}}<p class="error">Leaf {{LEAF}} cannot be read: {{PROBLEM}}</p>
{{/UNREADABLE}}{{#EVENTS_TABLE}}<div class="table"><table class="data events">
<thead><tr><th>#</th><th>Date</th><th>Type</th><th>Participant</th><th class="num">Amount or quantity</th><th>Description</th><th>Commitments</th><th>Classification</th><th>Recorded by</th></tr></thead>
<tbody>
{{#EVENT}}<tr id="{{EVENT_ID}}" class="{{CLASSIFICATION}} {{CORRECTED}}"><td>{{LEAF}}</td><td class="date">{{DATE}}</td><td>{{TYPE}}</td><td>{{PARTICIPANT}}</td><td class="num">{{AMOUNT}}</td><td class="description">{{DESCRIPTION}}</td><td>{{#COMMITMENT}}<a href="/commitments/{{ID}}" title="{{TITLE}}">{{#ID_PART}}{{TEXT}}<wbr>{{/ID_PART}}</a> {{/COMMITMENT}}</td><td>{{CLASSIFICATION}}</td><td>{{INSTITUTION}}</td></tr>
{{/EVENT}}
</tbody>
</table></div>{{/EVENTS_TABLE}}
