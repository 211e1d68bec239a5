// The message centre's link in Tasklist's navigation bar with the unread count (新待办, 退回, 提醒, 督办, 抄送, 催办),
// looked at again every minute and whenever the user moves to another task.
let badge = null;

function look() {
  if (!badge) return;
  fetch('/api/messages/unread', { credentials: 'same-origin', headers: { Accept: 'application/json' } })
    .then(r => r.ok ? r.json() : null)
    .then(a => {
      if (!a || !badge) return;
      badge.textContent = a.unread > 0 ? `消息（${a.unread} 条未读）` : '消息';
      badge.style.fontWeight = a.unread > 0 ? 'bold' : '';
    })
    .catch(() => {});
}
setInterval(look, 60000);
window.addEventListener('hashchange', look);

const messageCentre = {
  id: 'bangfu.messageCentre',
  pluginPoint: 'tasklist.navbar.action',
  priority: 20,
  render: node => {
    node.innerHTML = '<a href="/messages.html" id="bangfu-messages-link">消息</a>';
    badge = node.querySelector('a');
    look();
  }
};

export default [messageCentre];
