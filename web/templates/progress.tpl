{{%AUTOESCAPE context="HTML"}}<div class="table"><table class="data progress">
<thead><tr><th scope="col">Years</th><th scope="col" class="num">{{MEASURE}}</th><th scope="col"><span class="hidden-label">of</span></th><th scope="col" class="num">Target</th><th scope="col">Share</th><th scope="col">Status</th>{{#OTHER_MEASURE}}<th scope="col" class="num">{{NAME}} (not counted)</th>{{/OTHER_MEASURE}}</tr></thead>
<tbody>{{#PERIOD}}<tr><th scope="row">{{LABEL}}</th><td class="num">{{ACHIEVED}}</td><td>of</td><td class="num">{{TARGET}}</td><td>{{#BAR}}<progress max="100" value="{{VALUE}}">{{PERCENT}}</progress> {{PERCENT}}{{/BAR}}</td><td>{{PERIOD_STATUS_WORDS}}</td>{{#OTHER_AMOUNT}}<td class="num">{{AMOUNT}}</td>{{/OTHER_AMOUNT}}</tr>{{/PERIOD}}</tbody>
</table></div>
<svg class="chart" viewBox="0 0 {{CHART_WIDTH}} {{CHART_HEIGHT}}" role="img" aria-label="Target against {{MEASURE_LOWER}} per period{{#SCALE}}, on a scale from 0 to {{LARGEST}}{{/SCALE}}">
{{#SCALE}}<line class="scale" x1="36" y1="{{SCALE_Y}}" x2="{{CHART_WIDTH}}" y2="{{SCALE_Y}}"></line><text class="scale" x="40" y="{{SCALE_LABEL_Y}}">{{LARGEST}}</text>
<line class="scale" x1="36" y1="{{BASE_Y}}" x2="{{CHART_WIDTH}}" y2="{{BASE_Y}}"></line><text class="scale" x="32" y="{{BASE_Y}}" text-anchor="end">0</text>
{{/SCALE}}{{#CHART_BAR}}<rect class="target" x="{{TARGET_X}}" y="{{TARGET_Y}}" width="{{BAR_W}}" height="{{TARGET_H}}"></rect><rect class="achieved" x="{{ACHIEVED_X}}" y="{{ACHIEVED_Y}}" width="{{BAR_W}}" height="{{ACHIEVED_H}}"></rect><text x="{{LABEL_X}}" y="{{CHART_HEIGHT}}">{{LABEL}}</text>
{{/CHART_BAR}}</svg>
<p class="legend"><span class="key target"></span> target <span class="key achieved"></span> {{MEASURE_LOWER}}</p>
