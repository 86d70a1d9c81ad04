// The dashboard page: reads the query API with the token its user pasted (kept in sessionStorage, never in a URL),
// shows it in Chinese, and applies the change feed (GET /v1/stream, read with fetch: EventSource cannot send headers).
/* global echarts */

const TOKEN_KEY = 'ledger.token';
const WAN = 10000;

const STATUS = {
  filed: '已申报',
  'under-review': '审核中',
  'public-notice': '公示中',
  active: '运行中',
  dissolved: '已解散',
  delisted: '已撤销',
  rejected: '未通过',
  withdrawn: '已撤回',
  designated: '已认定',
  rectification: '整改中',
  removed: '已撤销',
  granted: '已拨付安排',
  pending: '待复核',
  terminated: '已终止',
  declined: '复核未通过',
  expired: '已过期',
};
const DUE = {
  'notice-end': '公示期结束',
  evaluation: '评估到期',
  'annual-report': '年度报告',
  'rectification-end': '整改期结束',
  'second-signature': '大额拨款待复核签字',
};
const EVENTS = {
  ConsortiumFiled: '申报',
  ReviewRecorded: '审核',
  PublicNoticeStarted: '开始公示',
  ObjectionRecorded: '收到异议',
  ObjectionResolved: '处理异议',
  ConsortiumApproved: '批准',
  ConsortiumRejected: '不予批准',
  ConsortiumWithdrawn: '撤回申报',
  MemberAdded: '增加成员',
  MemberRemoved: '减少成员',
  LeadChanged: '变更牵头单位',
  ConsortiumRenamed: '更名',
  EvaluationRecorded: '评估',
  ConsortiumDissolved: '解散',
  ConsortiumDelisted: '摘牌',
  AnnualReportRecorded: '年度报告',
  RuleWaived: '豁免“原则上”条款',
  SubsidyGranted: '批准补助',
  SubsidyDisbursed: '拨付',
  SubsidyCancelled: '取消',
  SubsidyClawedBack: '追回',
  SubsidyRefunded: '退回',
  SubsidyTerminated: '终止项目',
  SubsidyContinued: '项目继续',
  GrantApproved: '复核通过',
  GrantDeclined: '复核未通过',
  GrantExpired: '复核逾期释放',
  ZoneDesignated: '认定示范区',
  AnnualReportSubmitted: '报送年度报告',
  AnnualReportCorrected: '更正年度报告',
  ZoneEvaluated: '评估',
  ZoneRectificationStarted: '开始整改',
  ZoneRectified: '整改完成',
  ZoneRecommendedForNational: '推荐申报国家级',
  ZoneRemoved: '移出名单',
};
const MONEY = { granted: '已安排', disbursed: '已拨付', clawedBack: '已追回', refunded: '已退回' };
const READING = { about: '左右', 'at-least': '以上' };

let policies = new Map();
/** Rule id → its title from the policy catalogue (GET /v1/policies, in Chinese). */
let titles = new Map();
let refresh = () => Promise.resolve();
let stream;

const $ = (selector) => document.querySelector(selector);

/** An element with attributes and children (strings become text: nothing from the API is parsed as HTML). */
function h(tag, attrs = {}, ...children) {
  const el = document.createElement(tag);
  for (const [name, value] of Object.entries(attrs)) {
    if (value === undefined || value === null || value === false) continue;
    if (name.startsWith('on')) el.addEventListener(name.slice(2), value);
    else el.setAttribute(name, value === true ? '' : String(value));
  }
  for (const child of children.flat()) {
    if (child === undefined || child === null || child === false) continue;
    el.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
  return el;
}

const yuan = (value) => Number(value ?? 0);
/** Yuan as 万元 with two decimals, grouped: 12345678 → "1,234.57". */
const wan = (value) =>
  (yuan(value) / WAN).toLocaleString('zh-CN', { minimumFractionDigits: 2, maximumFractionDigits: 2 });
const status = (s) => STATUS[s] ?? s;
/** A recorded time as Beijing time reads it (the log keeps UTC). */
const beijingTime = (iso) =>
  new Date(iso).toLocaleString('zh-CN', { timeZone: 'Asia/Shanghai', hour12: false }) + '（北京时间）';
const policyTitle = (id) => policies.get(id)?.title ?? id;
/** A rule as the catalogue titles it, with its clause; the id for a search of POLICIES.md. */
const rule = (r, citation) =>
  r ? `${titles.get(r) ?? r}${citation ? `（${citation}）` : ''}${titles.has(r) ? ` [${r}]` : ''}` : '';

function token() {
  return sessionStorage.getItem(TOKEN_KEY);
}

async function api(path, options = {}) {
  const answer = await fetch(path, {
    ...options,
    headers: { authorization: `Bearer ${token()}`, 'accept-language': 'zh-CN', ...(options.headers ?? {}) },
  });
  if (answer.status === 401) {
    signOut('令牌无效或已过期，请重新登录。');
    throw new Error('unauthorised');
  }
  const body = await answer.json().catch(() => ({}));
  if (!answer.ok) throw Object.assign(new Error(body.message ?? `HTTP ${answer.status}`), { status: answer.status });
  return body;
}

function say(text) {
  $('#status-line').textContent = text;
}

function signOut(message) {
  sessionStorage.removeItem(TOKEN_KEY);
  stream?.abort();
  $('#view').replaceChildren();
  $('#sign-out').hidden = true;
  $('#sign-in').hidden = false;
  $('#sign-in-error').textContent = message ?? '';
  $('#token').focus();
}

async function start() {
  $('#sign-in').hidden = true;
  $('#sign-out').hidden = false;
  try {
    const catalogue = await api('/v1/policies');
    policies = new Map(catalogue.items.map((p) => [p.id, p]));
    titles = new Map(
      [...catalogue.items.flatMap((p) => p.rules), ...catalogue.ledgerRules].map((r) => [r.rule, r.title]),
    );
  } catch (error) {
    if (error.message === 'unauthorised') return;
  }
  await route();
  listen();
}

// ---- the overview ----------------------------------------------------------------------------------------------

async function overview() {
  const [dashboard, { caps }, list] = await Promise.all([
    api('/v1/dashboard'),
    api('/v1/dashboard/caps'),
    api('/v1/consortia?limit=20'),
  ]);
  const view = h(
    'div',
    { id: 'overview', 'data-position': dashboard.position },
    h('p', { class: 'muted' }, `业务日期 ${dashboard.today} · 日志位置 ${dashboard.position}`),
    countsSection(dashboard),
    targetsSection(dashboard.targets ?? []),
    h('div', { class: 'grid' }, moneySection(dashboard.money), capsSection(caps)),
    dueSection(dashboard.deadlines),
    consortiaSection(list.items),
  );
  $('#view').replaceChildren(view);
  drawMoney(dashboard.money);
  drawCaps(caps);
}

function countsSection({ consortia, zones }) {
  const statuses = [...new Set(consortia.map((c) => c.status))];
  const byPolicy = new Map();
  for (const row of consortia) {
    const counts = byPolicy.get(row.policy) ?? {};
    counts[row.status] = row.count;
    byPolicy.set(row.policy, counts);
  }
  const zoneTotal = zones.reduce((sum, z) => sum + z.count, 0);
  return h(
    'section',
    { id: 'counts', 'aria-labelledby': 'counts-title' },
    h('h2', { id: 'counts-title' }, '按政策和状态统计（个）'),
    h(
      'table',
      {},
      h(
        'thead',
        {},
        h(
          'tr',
          {},
          h('th', { scope: 'col' }, '政策'),
          ...statuses.map((s) => h('th', { class: 'num', scope: 'col' }, status(s))),
        ),
      ),
      h(
        'tbody',
        {},
        [...byPolicy.entries()].map(([policy, counts]) =>
          h(
            'tr',
            { 'data-policy': policy },
            h('th', { scope: 'row' }, policyTitle(policy)),
            ...statuses.map((s) => h('td', { class: 'num', 'data-status': s }, counts[s] ?? 0)),
          ),
        ),
      ),
    ),
    h('p', {}, `示范区 ${zoneTotal} 个：`, zones.map((z) => `${status(z.status)} ${z.count}`).join('，')),
  );
}

function targetsSection(targets) {
  return h(
    'section',
    { id: 'targets', 'aria-labelledby': 'targets-title' },
    h('h2', { id: 'targets-title' }, '目标进度'),
    targets.length === 0
      ? h('p', {}, '无')
      : h(
          'ul',
          {},
          targets.map((t) =>
            h(
              'li',
              { 'data-rule': t.rule },
              h('strong', {}, policyTitle(t.policy)),
              `：运行中 ${t.count} 个 / 目标 ${t.target.count} 个${READING[t.target.reading] ?? ''}（${t.target.by} 前） `,
              h('meter', { min: 0, max: t.target.count, value: Math.min(t.count, t.target.count) }),
              h('span', { class: 'muted' }, ` ${rule(t.rule, t.citation)}`),
              t.chains &&
                h(
                  'ul',
                  {},
                  h(
                    'li',
                    { class: 'muted' },
                    `每条重点产业链至少 ${t.chains.perChainMin} 个 ${rule(t.chains.rule, t.chains.citation)}`,
                  ),
                  t.chains.items.map((c) =>
                    h('li', { class: c.met ? '' : 'overdue' }, `${c.chain}：${c.count} 个${c.met ? '' : '（未达到）'}`),
                  ),
                ),
            ),
          ),
        ),
  );
}

function moneySection(money) {
  return h(
    'section',
    { id: 'money', 'aria-labelledby': 'money-title' },
    h('h2', { id: 'money-title' }, '资金（万元）'),
    h('div', { class: 'chart', id: 'money-chart', role: 'img', 'aria-label': '按政策和年度的资金柱状图（万元）' }),
    h(
      'table',
      {},
      h(
        'thead',
        {},
        h(
          'tr',
          {},
          h('th', { scope: 'col' }, '政策'),
          h('th', { scope: 'col' }, '年度'),
          Object.values(MONEY).map((label) => h('th', { class: 'num', scope: 'col' }, label)),
        ),
      ),
      h(
        'tbody',
        {},
        money.map((m) =>
          h(
            'tr',
            { 'data-policy': m.policy, 'data-year': m.fiscalYear },
            h('td', {}, policyTitle(m.policy)),
            h('td', {}, m.fiscalYear),
            Object.keys(MONEY).map((k) => h('td', { class: 'num', 'data-money': k, 'data-yuan': m[k] }, wan(m[k]))),
          ),
        ),
      ),
    ),
  );
}

function capsSection(caps) {
  return h(
    'section',
    { id: 'caps', 'aria-labelledby': 'caps-title' },
    h('h2', { id: 'caps-title' }, '额度使用（万元）'),
    caps.length === 0
      ? h('p', {}, '暂无计入额度的拨款')
      : h('div', { class: 'chart', id: 'caps-chart', role: 'img', 'aria-label': '额度已用与剩余（万元）' }),
    h(
      'table',
      {},
      h(
        'tbody',
        {},
        caps.map((c) =>
          h(
            'tr',
            { 'data-rule': c.rule },
            h('td', {}, c.scope, h('br'), h('span', { class: 'muted' }, rule(c.rule, c.citation))),
            h('td', { class: 'num' }, `已用 ${wan(c.used)}`),
            h('td', { class: 'num' }, `剩余 ${wan(c.headroom)}`),
            h('td', { class: 'num' }, `上限 ${wan(c.limit)}`),
          ),
        ),
      ),
    ),
  );
}

function link(subject, id, text) {
  const collection = { consortium: 'consortia', zone: 'zones', subsidy: 'subsidies' }[subject];
  return h('a', { href: `#/${collection}/${encodeURIComponent(id)}` }, text ?? id);
}

function dueSection(deadlines) {
  return h(
    'section',
    { id: 'due', 'aria-labelledby': 'due-title' },
    h('h2', { id: 'due-title' }, `待办事项（${deadlines.horizonDays} 天内及已逾期）`),
    deadlines.items.length === 0
      ? h('p', {}, '无')
      : h(
          'table',
          {},
          h(
            'thead',
            {},
            h(
              'tr',
              {},
              ['到期日', '事项', '对象', '依据'].map((t) => h('th', { scope: 'col' }, t)),
            ),
          ),
          h(
            'tbody',
            {},
            deadlines.items.map((d) =>
              h(
                'tr',
                { class: d.overdue ? 'overdue' : '' },
                h('td', {}, d.due, d.overdue ? '（已逾期）' : ''),
                h('td', {}, DUE[d.kind] ?? d.kind),
                h(
                  'td',
                  {},
                  d.subject === 'consortium'
                    ? link('consortium', d.consortiumId, d.consortiumName)
                    : d.subject === 'zone'
                      ? link('zone', d.zoneId, d.zoneName)
                      : link('subsidy', d.subsidyId, `${d.subsidyId}（${wan(d.amount)} 万元）`),
                ),
                h('td', { class: 'muted' }, rule(d.rule, d.citation)),
              ),
            ),
          ),
        ),
  );
}

function consortiaSection(items) {
  return h(
    'section',
    { id: 'consortia', 'aria-labelledby': 'consortia-title' },
    h('h2', { id: 'consortia-title' }, '最近申报的联合体'),
    h(
      'table',
      {},
      h(
        'thead',
        {},
        h(
          'tr',
          {},
          ['名称', '政策', '状态', '申报日期'].map((t) => h('th', { scope: 'col' }, t)),
        ),
      ),
      h(
        'tbody',
        {},
        items.map((c) =>
          h(
            'tr',
            {},
            h('td', {}, link('consortium', c.id, c.name)),
            h('td', {}, policyTitle(c.policy)),
            h('td', {}, status(c.status)),
            h('td', {}, c.filedOn),
          ),
        ),
      ),
    ),
  );
}

function chart(id) {
  const el = document.getElementById(id);
  if (!el || typeof echarts === 'undefined') return undefined;
  return echarts.getInstanceByDom(el) ?? echarts.init(el, undefined, { renderer: 'canvas' });
}

function drawMoney(money) {
  const c = chart('money-chart');
  if (!c) return;
  c.setOption({
    animation: false,
    tooltip: { trigger: 'axis' },
    legend: { data: Object.values(MONEY) },
    xAxis: { type: 'category', data: money.map((m) => `${policyTitle(m.policy).slice(0, 6)} ${m.fiscalYear}`) },
    yAxis: { type: 'value', name: '万元' },
    series: Object.entries(MONEY).map(([key, name]) => ({
      name,
      type: 'bar',
      data: money.map((m) => yuan(m[key]) / WAN),
    })),
  });
}

function drawCaps(caps) {
  const c = chart('caps-chart');
  if (!c) return;
  c.setOption({
    animation: false,
    tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
    legend: { data: ['已用', '剩余'] },
    grid: { left: 160 },
    xAxis: { type: 'value', name: '万元' },
    yAxis: { type: 'category', data: caps.map((cap) => cap.scope) },
    series: [
      { name: '已用', type: 'bar', stack: 'cap', color: '#b3261e', data: caps.map((cap) => yuan(cap.used) / WAN) },
      { name: '剩余', type: 'bar', stack: 'cap', color: '#9fb3c8', data: caps.map((cap) => yuan(cap.headroom) / WAN) },
    ],
  });
}

// ---- one consortium, zone or subsidy: timeline and as-of slider --------------------------------------------------

const SUBJECTS = {
  consortia: { title: '联合体', describe: describeConsortium },
  zones: { title: '示范区', describe: describeZone },
  subsidies: { title: '补助', describe: describeSubsidy },
};

function describeConsortium(s) {
  return [
    h('p', {}, `政策：${policyTitle(s.policy)}`, s.chain ? ` · 产业链：${s.chain}` : ''),
    h('p', {}, `牵头单位：${s.lead?.name ?? ''}（${s.lead?.creditCode ?? ''}）`),
    h('h3', {}, `成员单位（${(s.members ?? []).length}）`),
    h(
      'ul',
      {},
      (s.members ?? []).map((m) => h('li', {}, `${m.name}（${m.creditCode}）`)),
    ),
  ];
}

function describeZone(s) {
  return [h('p', {}, `政策：${policyTitle(s.policy)}`), h('p', {}, `认定日期：${s.approvedOn ?? ''}`)];
}

function describeSubsidy(s) {
  return [
    h('p', {}, `联合体：`, link('consortium', s.consortiumId)),
    h('p', {}, `类别：${s.category ?? ''} · 年度：${s.fiscalYear ?? ''}`),
    h(
      'table',
      { id: 'subsidy-money' },
      h('caption', {}, '金额（万元）'),
      h(
        'tbody',
        {},
        Object.entries(MONEY).map(([k, label]) =>
          h(
            'tr',
            {},
            h('th', { scope: 'row' }, label),
            h('td', { class: 'num', 'data-money': k, 'data-yuan': s[k] }, wan(s[k])),
          ),
        ),
      ),
    ),
  ];
}

async function detail(collection, id) {
  const subject = SUBJECTS[collection];
  const base = `/v1/${collection}/${encodeURIComponent(id)}`;
  const now = await api(base);
  let replay;
  try {
    replay = await api(`${base}/replay`);
  } catch (error) {
    if (error.status !== 403) throw error;
  }
  const stateBox = h('div', { id: 'state' });
  const showState = (state, heading) => {
    stateBox.replaceChildren(
      h('h2', {}, heading),
      h('p', { id: 'state-status', 'data-status': state.status }, `状态：${status(state.status)}`),
      ...subject.describe(state),
    );
  };
  showState(now, `${subject.title}：${now.name ?? now.id ?? id}（当前）`);
  const view = h('div', { id: 'detail' }, h('p', {}, h('a', { href: '#/' }, '← 返回总览')), h('section', {}, stateBox));
  if (replay) {
    const steps = replay.steps;
    const items = steps.map((s) =>
      h(
        'li',
        { 'data-position': s.position, 'data-type': s.type },
        `${beijingTime(s.recordedAt)} · ${EVENTS[s.type] ?? s.type}`,
        s.rule ? h('span', { class: 'muted' }, ` · ${rule(s.rule, s.citation)}`) : '',
        s.actor ? h('span', { class: 'muted' }, ` · ${s.actor}`) : '',
      ),
    );
    const label = h('span', { id: 'as-of-label' }, `第 ${steps.length} 步（共 ${steps.length} 步）`);
    const slider = h('input', {
      id: 'as-of',
      type: 'range',
      min: 1,
      max: steps.length,
      value: steps.length,
      step: 1,
      'aria-label': '按日志位置回看：拖动查看账本在每一步时所知的状态',
      'aria-valuetext': `第 ${steps.length} 步`,
    });
    const move = async () => {
      const n = Number(slider.value);
      const step = steps[n - 1];
      label.textContent = `第 ${n} 步（共 ${steps.length} 步）· 日志位置 ${step.position}`;
      slider.setAttribute('aria-valuetext', `第 ${n} 步`);
      items.forEach((li, i) => li.classList.toggle('current', i === n - 1));
      const asOf = await api(`${base}?atPosition=${step.position}`);
      if (Number(slider.value) !== n) return;
      showState(asOf, `${subject.title}：${asOf.name ?? id}（截至日志位置 ${step.position}）`);
    };
    slider.addEventListener('input', () => void move());
    slider.addEventListener('change', () => void move());
    view.append(
      h(
        'section',
        { id: 'timeline', 'aria-labelledby': 'timeline-title' },
        h('h2', { id: 'timeline-title' }, '时间线与回看'),
        h('label', { for: 'as-of' }, '回看到：'),
        label,
        slider,
        h('ol', { class: 'timeline' }, items),
      ),
    );
  } else {
    view.append(h('section', {}, h('p', { class: 'muted' }, '时间线和回看需要监督员（supervisor）权限。')));
  }
  $('#view').replaceChildren(view);
}

// ---- routing and live updates ----------------------------------------------------------------------------------

async function route() {
  const [, collection, id] = /^#\/(consortia|zones|subsidies)\/(.+)$/.exec(location.hash) ?? [];
  refresh = collection ? () => detail(collection, decodeURIComponent(id)) : overview;
  try {
    await refresh();
  } catch (error) {
    if (error.message !== 'unauthorised')
      $('#view').replaceChildren(h('p', { role: 'alert' }, `出错了：${error.message}`));
  }
}

let pending;
/** Many changes in a burst: one refresh (a detail page with a moved slider is left alone until it is moved back). */
function changed() {
  clearTimeout(pending);
  pending = setTimeout(() => {
    const slider = document.getElementById('as-of');
    if (slider && slider.value !== slider.max) return;
    void refresh();
  }, 200);
}

/** The change feed as server-sent events over fetch (the token goes in the header), resuming after the last id. */
async function listen() {
  stream?.abort();
  const controller = new AbortController();
  stream = controller;
  let lastId;
  while (!controller.signal.aborted && token()) {
    try {
      const answer = await fetch('/v1/stream', {
        headers: {
          authorization: `Bearer ${token()}`,
          accept: 'text/event-stream',
          ...(lastId && { 'last-event-id': lastId }),
        },
        signal: controller.signal,
      });
      if (answer.status === 404) return say('实时更新不可用');
      if (!answer.ok || !answer.body) throw new Error(`HTTP ${answer.status}`);
      say('实时更新：已连接');
      const reader = answer.body.pipeThrough(new TextDecoderStream()).getReader();
      let buffer = '';
      for (;;) {
        const { value, done } = await reader.read();
        if (done) break;
        buffer += value;
        let end;
        while ((end = buffer.indexOf('\n\n')) >= 0) {
          const message = buffer.slice(0, end);
          buffer = buffer.slice(end + 2);
          const id = /^id: ?(.*)$/m.exec(message)?.[1];
          if (id) lastId = id;
          if (/^data:/m.test(message)) changed();
        }
      }
    } catch (error) {
      if (controller.signal.aborted) return;
      say(`实时更新中断，正在重连…`);
    }
    await new Promise((resolve) => setTimeout(resolve, 2000));
  }
}

$('#sign-in').addEventListener('submit', (event) => {
  event.preventDefault();
  const value = $('#token').value.trim();
  if (!value) return;
  sessionStorage.setItem(TOKEN_KEY, value);
  $('#token').value = '';
  void start();
});
$('#sign-out').addEventListener('click', () => signOut());
window.addEventListener('hashchange', () => void route());

if (token()) void start();
else signOut();
