// The message centre's link with the unread count, in the header of every page of ours (Tasklist has its own, in
// its navigation bar). Looks again every minute; a page that changes the count itself calls bangfuMessageBadge(n).
(function () {
  const header = document.querySelector('header');
  if (!header) return;
  const link = document.createElement('a');
  link.href = '/messages.html';
  link.id = 'bangfu-messages-link';
  link.textContent = '消息';
  // styled here, so that a page without pages.css shows it the same way
  link.style.cssText = 'float:right;color:#fff;font-size:14px;margin-left:16px;padding:1px 8px;border-radius:10px';
  header.appendChild(link);
  window.bangfuMessageBadge = n => {
    link.textContent = n > 0 ? `消息（${n} 条未读）` : '消息';
    link.classList.toggle('has-unread', n > 0);
    link.style.fontWeight = n > 0 ? 'bold' : '';
    link.style.background = n > 0 ? '#fff' : '';
    link.style.color = n > 0 ? '#b5121b' : '#fff';
  };
  const look = () => fetch('/api/messages/unread', { credentials: 'same-origin', headers: { Accept: 'application/json' } })
    .then(r => r.ok ? r.json() : null).then(a => { if (a) window.bangfuMessageBadge(a.unread); }).catch(() => {});
  look();
  setInterval(look, 60000);
})();
