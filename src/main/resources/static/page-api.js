// What our newer pages share: escaping, reading and writing the application's API with the Tasklist sign-in (writes
// carry the webapp session's CSRF token, from /api/me), and the page's result line (#result), in Chinese.
const BangfuPage = (() => {
  let me = null;
  const esc = v => String(v === null || v === undefined ? '' : v)
    .replace(/[&<>"]/g, c => ({'&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;'}[c]));
  const get = path => fetch(path, { credentials: 'same-origin', headers: { Accept: 'application/json' } });
  function show(ok, text) {
    document.getElementById('result').innerHTML =
      `<p class="message ${ok ? 'ok' : ''}" id="${ok ? 'done-message' : 'error'}">${esc(text)}</p>`;
  }
  /** The signed-in user (with the CSRF token), or null after saying how to sign in. */
  async function signedIn(signInPage) {
    const r = await get('/api/me');
    if (r.status === 401) {
      document.getElementById('result').innerHTML =
        `<p class="message">请先<a href="${signInPage}">登录</a>，再打开本页。</p>`;
      return null;
    }
    me = await r.json();
    return me;
  }
  /** A write; the answer, or null after showing what was wrong. */
  async function send(method, path, body) {
    const r = await fetch(path, { method, credentials: 'same-origin', body: body ? JSON.stringify(body) : undefined,
      headers: { 'Content-Type': 'application/json', Accept: 'application/json', 'X-XSRF-TOKEN': me.csrfToken } });
    const answer = r.status === 204 ? {} : await r.json().catch(() => ({}));
    if (!r.ok) {
      const fields = (answer.fields || []).map(f => f.message).join('；');
      show(false, r.status === 401 ? '登录已过期，请重新登录' : (answer.error || '操作失败') + (fields ? '：' + fields : ''));
      return null;
    }
    return answer;
  }
  /** A file upload (multipart) with the session's CSRF token: the response, for the page to read. */
  const upload = (path, data) => fetch(path, { method: 'POST', body: data, credentials: 'same-origin',
    headers: { Accept: 'application/json', 'X-XSRF-TOKEN': me.csrfToken } });
  const when = d => d ? esc(d.replace('T', ' ').substring(0, 16)) : '';
  /**
   * The regions a user may choose on a list page: the county where they see more than one township, each township
   * where they see more than one of its villages, and each village (code, name).
   */
  function regionChoices(villages) {
    const regions = [];
    const counties = [...new Set(villages.map(v => v.code.substring(0, 6)))];
    const townships = [...new Set(villages.map(v => v.code.substring(0, 9)))];
    if (townships.length > 1) counties.forEach(c => regions.push({ code: c, name: '全县' }));
    townships.forEach(t => {
      if (villages.filter(v => v.code.startsWith(t)).length > 1) regions.push({ code: t, name: '全乡镇：' + villages.find(v => v.code.startsWith(t)).name.replace(/[^镇乡]*$/, '') });
    });
    villages.forEach(v => regions.push({ code: v.code, name: v.name }));
    return regions;
  }
  return { esc, get, send, upload, show, signedIn, when, regionChoices };
})();
