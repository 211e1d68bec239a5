// Bangfu's approver operations in Tasklist: a tab of every task ("审批操作": 退回 to the steps the model allows with a
// reason code, 加签, 抄送, 转办, 委派 and 催办 — or, on a 会签 task, the co-signer's opinion), and a link in the
// navigation bar to the page of 已办 (with 撤回), 抄送我的, 批量审批 and 代理. It calls the application's API with the
// Tasklist sign-in and the webapp's CSRF token. A second tab, 筛查名单, shows the list of a periodic screening task.
const esc = v => String(v === null || v === undefined ? '' : v)
  .replace(/[&<>"]/g, c => ({'&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;'}[c]));

function csrfToken(api) {
  if (api && api.CSRFToken) return api.CSRFToken;
  const cookie = document.cookie.split('; ').find(c => c.startsWith('XSRF-TOKEN='));
  return cookie ? decodeURIComponent(cookie.substring('XSRF-TOKEN='.length)) : '';
}

function section(title, body) {
  return `<fieldset style="border:1px solid #ddd;padding:8px 12px;margin:0 0 12px"><legend style="font-size:14px;`
    + `width:auto;border:0;margin:0;padding:0 4px">${title}</legend>${body}</fieldset>`;
}

// Tasklist's content security policy sandboxes the page without modals (window.confirm answers "no" at once), so a
// confirmation is asked in the page, next to the button.
function confirmHere(button, text) {
  return new Promise(resolve => {
    const open = button.parentElement.querySelector('.bangfu-confirm');
    if (open) open.remove();
    const box = document.createElement('div');
    box.className = 'bangfu-confirm alert alert-warning';
    box.setAttribute('role', 'alertdialog');
    box.style.margin = '8px 0';
    box.innerHTML = `<p>${esc(text)}</p><button type="button" class="btn btn-danger bangfu-confirm-yes">确定</button> `
      + '<button type="button" class="btn btn-default bangfu-confirm-no">取消</button>';
    button.insertAdjacentElement('afterend', box);
    box.querySelector('.bangfu-confirm-yes').addEventListener('click', () => { box.remove(); resolve(true); });
    box.querySelector('.bangfu-confirm-no').addEventListener('click', () => { box.remove(); resolve(false); });
    box.querySelector('.bangfu-confirm-yes').focus();
  });
}

const field = (id, label, input) =>
  `<div class="form-group"><label for="${id}">${label}</label>${input}</div>`;

const approverPage = {
  id: 'bangfu.approverPage',
  pluginPoint: 'tasklist.navbar.action',
  priority: 10,
  render: node => {
    node.innerHTML = '<a href="/approvals.html" id="bangfu-approvals-link">我的审批（已办、抄送、批量、代理）</a>';
  }
};

// 查看案件档案: the task's link to its case page (in place of Tasklist's link to Cockpit, which a cadre cannot open),
// named after the household so that the header says whose case it is.
// The header's action area stays while the user moves from task to task: the link follows the task in the address.
let caseLinkNode = null;
let caseLinkTask = null;
function updateCaseLink() {
  const match = /[?&]task=([^&]+)/.exec(location.hash);
  const taskId = match && decodeURIComponent(match[1]);
  if (!caseLinkNode || taskId === caseLinkTask) return;
  caseLinkTask = taskId;
  caseLinkNode.innerHTML = '';
  if (!taskId) return;
  fetch(`/api/cases/of-task/${encodeURIComponent(taskId)}`, {
    credentials: 'same-origin', headers: { Accept: 'application/json' }
  }).then(r => r.ok ? r.json() : null).then(c => {
    if (!c || caseLinkTask !== taskId) return;
    caseLinkNode.innerHTML = `<a class="bangfu-case-link" href="/case.html?id=${encodeURIComponent(c.id)}" target="_blank" `
      + `rel="noopener">查看案件档案：${esc(c.headName)} · ${esc(c.place)} · ${esc(c.businessKey)}</a>`
      // the signed application, the notice photo, a delivery's or a visit's evidence are added on the case page
      + ` <a class="bangfu-evidence-link" href="/case.html?id=${encodeURIComponent(c.id)}#evidence" target="_blank" `
      + `rel="noopener">上传证明材料</a>`;
  });
}
window.addEventListener('hashchange', updateCaseLink);

const caseLink = {
  id: 'bangfu.caseLink',
  pluginPoint: 'tasklist.task.action',
  priority: 200,
  render: node => {
    caseLinkNode = node;
    caseLinkTask = null;
    updateCaseLink();
  }
};

const operationsTab = {
  id: 'bangfu.approverOperations',
  pluginPoint: 'tasklist.task.detail',
  priority: 50,
  label: '审批操作',
  render: (node, { api, taskId }) => {
    const post = (path, body) => fetch(`/api/tasks/${encodeURIComponent(taskId)}/${path}`, {
      method: 'POST', credentials: 'same-origin', body: JSON.stringify(body),
      headers: { 'Content-Type': 'application/json', Accept: 'application/json', 'X-XSRF-TOKEN': csrfToken(api) }
    });
    node.innerHTML = '<p>正在读取…</p>';
    fetch(`/api/tasks/${encodeURIComponent(taskId)}/operations`, {
      credentials: 'same-origin', headers: { Accept: 'application/json' }
    }).then(r => r.json().then(body => ({ ok: r.ok, body }))).then(({ ok, body }) => {
      if (!ok) {
        node.innerHTML = `<p class="bangfu-operations-error">${esc(body.error || '无法读取本任务的审批操作')}</p>`;
        return;
      }
      let html = '<div class="bangfu-operations" style="padding:10px;max-width:720px">'
        + '<p id="bangfu-result" role="status" style="font-weight:bold"></p>';
      if (body.coSignTask) {
        html += section('会签意见', `<p>${esc(body.description)}</p>`
          + field('bangfu-opinion', '意见', '<select id="bangfu-opinion" class="form-control">'
            + '<option value="AGREE">同意</option><option value="DISAGREE">不同意</option></select>')
          + field('bangfu-opinion-comment', '说明', '<textarea id="bangfu-opinion-comment" class="form-control"></textarea>')
          + '<button type="button" class="btn btn-primary" data-op="co-sign">签署意见</button>');
      } else {
        if (body.pendingCoSigners.length) {
          html += `<p>待会签：${body.pendingCoSigners.map(esc).join('、')}（签署后才能办结）</p>`;
        }
        if (body.targets.length) {
          html += section('退回', field('bangfu-target', '退回到', '<select id="bangfu-target" class="form-control">'
              + body.targets.map(t => `<option value="${esc(t.activityId)}">${esc(t.name)}</option>`).join('') + '</select>')
            + field('bangfu-reason', '退回原因', '<select id="bangfu-reason" class="form-control">'
              + body.reasons.map(r => `<option value="${esc(r.code)}">${esc(r.label)}</option>`).join('') + '</select>')
            + field('bangfu-comment', '具体说明（需补正的内容）', '<textarea id="bangfu-comment" class="form-control"></textarea>')
            + '<button type="button" class="btn btn-warning" data-op="return">退回</button>');
        }
        const pick = (id, people, multiple) => people.length
          ? `<select id="${id}" class="form-control"${multiple ? ' multiple size="5"' : ''}>`
            + (multiple ? '' : '<option value="">请选择</option>')
            + people.map(p => `<option value="${esc(p.id)}">${esc(p.name)}</option>`).join('') + '</select>'
          : `<p id="${id}" class="form-control-static">没有可选的人员</p>`;
        if (body.coSign) {
          html += section('加签', field('bangfu-cosigner', '加签人员（可查看本案件的人员）', pick('bangfu-cosigner', body.viewers))
            + field('bangfu-cosign-reason', '加签事由', '<input id="bangfu-cosign-reason" class="form-control">')
            + '<button type="button" class="btn btn-default" data-op="co-signers">加签</button>');
        }
        html += section('抄送', field('bangfu-cc', '抄送人员（可多选，按住 Ctrl 选择多人）', pick('bangfu-cc', body.viewers, true))
          + field('bangfu-cc-note', '说明', '<input id="bangfu-cc-note" class="form-control">')
          + '<button type="button" class="btn btn-default" data-op="cc">抄送</button>');
        html += section('转办 / 委派', field('bangfu-to', '接收人员（本组）', pick('bangfu-to', body.colleagues))
          + field('bangfu-to-reason', '理由', '<input id="bangfu-to-reason" class="form-control">')
          + '<button type="button" class="btn btn-default" data-op="transfer">转办</button> '
          + '<button type="button" class="btn btn-default" data-op="delegate">委派（办回后由我办结）</button>');
        html += section('催办', field('bangfu-urge', '催办内容', '<input id="bangfu-urge" class="form-control">')
          + '<button type="button" class="btn btn-default" data-op="urge">催办（邮件，每天一次）</button>');
      }
      node.innerHTML = html + '</div>';
      const value = id => (node.querySelector('#' + id) || {}).value;
      const requests = {
        'co-sign': () => ({ opinion: value('bangfu-opinion'), comment: value('bangfu-opinion-comment') }),
        'return': () => ({ target: value('bangfu-target'), reasonCode: value('bangfu-reason'), comment: value('bangfu-comment') }),
        'co-signers': () => ({ coSigner: value('bangfu-cosigner'), reason: value('bangfu-cosign-reason') }),
        'cc': () => ({ recipients: Array.from((node.querySelector('#bangfu-cc') || {}).selectedOptions || [])
          .map(o => o.value), note: value('bangfu-cc-note') }),
        'transfer': () => ({ toUser: value('bangfu-to'), reason: value('bangfu-to-reason') }),
        'delegate': () => ({ toUser: value('bangfu-to'), reason: value('bangfu-to-reason') }),
        'urge': () => ({ message: value('bangfu-urge') })
      };
      // what cannot be undone is confirmed first
      const CONFIRM = {
        'return': () => `确定退回到“${node.querySelector('#bangfu-target').selectedOptions[0].textContent}”吗？退回后本环节结束，不能撤销。`,
        'transfer': () => '确定把本任务转给所选人员吗？转办后由对方办理，您不能再办理本任务。',
        'co-sign': () => '确定签署会签意见吗？签署后不能修改。'
      };
      node.querySelectorAll('button[data-op]').forEach(button => button.addEventListener('click', async () => {
        const op = button.getAttribute('data-op');
        if (CONFIRM[op] && !(await confirmHere(button, CONFIRM[op]()))) return;
        const result = node.querySelector('#bangfu-result');
        result.textContent = '正在提交…';
        post(op, requests[op]()).then(r => r.json().catch(() => ({})).then(answer => {
          const fields = (answer.fields || []).map(f => f.message).join('；');
          result.textContent = r.ok ? answer.message + (['return', 'transfer', 'co-sign'].includes(op)
            ? '。请刷新任务列表。' : '') : (answer.error || '操作失败') + (fields ? '：' + fields : '');
          result.style.color = r.ok ? '#2e7d32' : '#b5121b';
        }));
      }));
    });
  }
};

// 筛查名单: the numbered list of a periodic screening task, read from the registry for the user's region (names and
// incomes are never process variables). Other tasks say they have none.
const screeningListTab = {
  id: 'bangfu.screeningList',
  pluginPoint: 'tasklist.task.detail',
  priority: 60,
  label: '筛查名单',
  render: (node, { taskId }) => {
    node.innerHTML = '<p>正在读取…</p>';
    fetch(`/api/tasks/${encodeURIComponent(taskId)}/screening-list`, {
      credentials: 'same-origin', headers: { Accept: 'application/json' }
    }).then(r => r.json().then(body => ({ ok: r.ok, body }))).then(({ ok, body }) => {
      if (!ok) {
        node.innerHTML = `<p class="bangfu-list-none" style="padding:10px">${esc(body.error || '无法读取名单')}</p>`;
        return;
      }
      const money = v => v === null || v === undefined ? '' : Number(v).toLocaleString('zh-CN') + ' 元';
      node.innerHTML = `<div class="bangfu-screening-list" style="padding:10px">`
        + `<p><strong>${esc(body.region)} ${esc(body.title)}</strong>（共 ${body.rows.length} 户）</p>`
        + '<table class="table table-condensed table-striped"><thead><tr><th>序号</th><th>村</th><th>户主</th>'
        + '<th>情况</th><th>近12个月人均纯收入</th><th>备注</th></tr></thead><tbody>'
        + body.rows.map(row => `<tr><td>${row.listNo}</td><td>${esc(row.village)}</td><td>${esc(row.headName)}</td>`
          + `<td>${esc(row.reasons)}</td><td>${money(row.perCapitaIncome)}</td>`
          + `<td>${row.openCase ? '已有案件在办' : ''}</td></tr>`).join('')
        + '</tbody></table></div>';
    });
  }
};

// A 会签 task opens on its opinion (the 审批操作 tab) instead of Tasklist's generic form: the co-signer finishes it by
// signing 同意 or 不同意 there. The generic form cannot complete it (the server refuses, with that advice). A 会签
// task is known by its name ("会签：…", given by the application); no request is made for other tasks.
function openCoSignOnOpinion() {
  const match = /[?&]task=([^&]+)/.exec(location.hash);
  if (!match || /[?&]detailsTab=/.test(location.hash)) return;
  let tries = 0;
  const look = () => {
    if (!location.hash.includes('task=' + match[1]) || /[?&]detailsTab=/.test(location.hash)) return;
    const title = document.querySelector('h2.task');
    if (title && title.textContent.trim().startsWith('会签：')) {
      location.hash = location.hash + '&detailsTab=' + operationsTab.id;
    } else if (tries++ < 20) {
      setTimeout(look, 250);
    }
  };
  look();
}
window.addEventListener('hashchange', openCoSignOnOpinion);
openCoSignOnOpinion();

// form-js (the Camunda Forms of every task) writes its validation messages in English and has no translations: they
// are put into Chinese where they appear. Tasklist's own error for a refused completion starts with "Cannot submit
// task form <id>:" before the server's Chinese reason; only the reason is shown.
const FORM_MESSAGES = [
  [/^Field is required\.$/, () => '请填写此项'],
  [/^Field must have minimum value of (.+)\.$/, m => `不能小于 ${m[1]}`],
  [/^Field must have maximum value of (.+)\.$/, m => `不能大于 ${m[1]}`],
  [/^Field must have minimum length of (.+)\.$/, m => `至少 ${m[1]} 个字`],
  [/^Field must have maximum length of (.+)\.$/, m => `不能超过 ${m[1]} 个字`],
  [/^Field must match pattern (.+)\.$/, () => '格式不正确'],
  [/^Field must be a valid email\.$/, () => '请填写正确的电子邮箱'],
  [/^Field must be a valid\s+international phone number.*$/, () => '请填写正确的电话号码'],
  [/^Date must match pattern yyyy-MM-dd\.?$/, () => '日期格式应为 2027-06-04'],
  [/^Date and time must both be entered\.$/, () => '请同时填写日期和时间'],
  [/^Cannot submit task form [^:]*: (.*)$/s, m => m[1]]
];

// form-js owns its messages' text (it re-renders them), so the text is left alone: the Chinese words are put in an
// attribute the style sheet shows in place of the English (user-styles.css, [data-bangfu-zh]).
function translate(root) {
  root.querySelectorAll('.fjs-form-field-error li, .fjs-form-field-error span, .alert, .notification .message')
    .forEach(el => {
      if (el.children.length) return;
      const text = el.textContent.trim();
      let words = null;
      for (const [pattern, say] of FORM_MESSAGES) {
        const m = pattern.exec(text);
        if (m) { words = say(m); break; }
      }
      if (words === null) {
        el.removeAttribute('data-bangfu-zh');
      } else if (el.getAttribute('data-bangfu-zh') !== words) {
        el.setAttribute('data-bangfu-zh', words);
      }
    });
}
new MutationObserver(() => translate(document.body))
  .observe(document.body, { childList: true, subtree: true, characterData: true });

// A red "提交任务表单时出错" stays on screen after the user has corrected the form (and covers the 办理完成 button):
// it is closed as soon as the user changes the form, and when another task is chosen.
function closeStaleErrors() {
  document.querySelectorAll('.page-notifications .alert-danger button.close[ng-click^="removeNotification"]')
    .forEach(button => button.click());
}
['input', 'change'].forEach(type => document.addEventListener(type, e => {
  if (e.target.closest && e.target.closest('.fjs-container')) closeStaleErrors();
}, true));
window.addEventListener('hashchange', closeStaleErrors);

// Tasklist says nothing when a task has been completed: the user is told, in words, for a few seconds.
const COMPLETION = /\/task\/[^/]+\/(submit-form|complete)(\?.*)?$/;
function showCompleted() {
  closeStaleErrors();
  let box = document.getElementById('bangfu-completed');
  if (!box) {
    box = document.createElement('div');
    box.id = 'bangfu-completed';
    box.setAttribute('role', 'status');
    box.style.cssText = 'position:fixed;right:16px;bottom:48px;z-index:2000;padding:10px 16px;background:#e8f5e9;'
      + 'border:1px solid #81c784;color:#1b5e20;font-size:14px;box-shadow:0 2px 6px rgba(0,0,0,.2)';
    document.body.appendChild(box);
  }
  box.textContent = '任务已办理完成。';
  clearTimeout(showCompleted.timer);
  showCompleted.timer = setTimeout(() => box.remove(), 6000);
}
const xhrOpen = XMLHttpRequest.prototype.open;
XMLHttpRequest.prototype.open = function (method, url, ...rest) {
  this.bangfuCompletion = method === 'POST' && COMPLETION.test(String(url));
  return xhrOpen.call(this, method, url, ...rest);
};
const xhrSend = XMLHttpRequest.prototype.send;
XMLHttpRequest.prototype.send = function (...args) {
  if (this.bangfuCompletion) {
    this.addEventListener('load', () => { if (this.status >= 200 && this.status < 300) showCompleted(); });
  }
  return xhrSend.apply(this, args);
};

// the browser tab names the system, not the engine's product
const TITLE = '帮扶 · 任务列表';
const keepTitle = () => { if (document.title !== TITLE) document.title = TITLE; };
keepTitle();
new MutationObserver(keepTitle).observe(document.querySelector('title') || document.head,
  { childList: true, characterData: true, subtree: true });

// On a phone the list and the task are one column: choosing a task brings the task (its header and form) into view.
function scrollToTaskOnPhones() {
  if (window.innerWidth >= 768 || !/[?&]task=/.test(location.hash)) return;
  let tries = 0;
  const look = () => {
    const title = document.querySelector('.task-details h2.task');
    if (title && title.getBoundingClientRect().height > 0) {
      document.querySelector('.task-details').scrollIntoView({ block: 'start' });
    } else if (tries++ < 20) {
      setTimeout(look, 250);
    }
  };
  look();
}
window.addEventListener('hashchange', scrollToTaskOnPhones);

export default [caseLink, operationsTab, screeningListTab, approverPage];
