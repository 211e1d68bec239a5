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
        if (body.coSign) {
          html += section('加签', field('bangfu-cosigner', '加签人员（用户名）', '<input id="bangfu-cosigner" class="form-control">')
            + field('bangfu-cosign-reason', '加签事由', '<input id="bangfu-cosign-reason" class="form-control">')
            + '<button type="button" class="btn btn-default" data-op="co-signers">加签</button>');
        }
        html += section('抄送', field('bangfu-cc', '抄送人员（用户名，逗号分隔）', '<input id="bangfu-cc" class="form-control">')
          + field('bangfu-cc-note', '说明', '<input id="bangfu-cc-note" class="form-control">')
          + '<button type="button" class="btn btn-default" data-op="cc">抄送</button>');
        html += section('转办 / 委派', field('bangfu-to', '接收人员（本组，用户名）', '<input id="bangfu-to" class="form-control">')
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
        'cc': () => ({ recipients: (value('bangfu-cc') || '').split(/[,，、\s]+/).filter(Boolean), note: value('bangfu-cc-note') }),
        'transfer': () => ({ toUser: value('bangfu-to'), reason: value('bangfu-to-reason') }),
        'delegate': () => ({ toUser: value('bangfu-to'), reason: value('bangfu-to-reason') }),
        'urge': () => ({ message: value('bangfu-urge') })
      };
      node.querySelectorAll('button[data-op]').forEach(button => button.addEventListener('click', () => {
        const op = button.getAttribute('data-op');
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

export default [operationsTab, screeningListTab, approverPage];
