{{%AUTOESCAPE context="HTML"}}<h1>Not found</h1>
<p>There is no such commitment. <a href="/commitments">All commitments</a>.</p>
