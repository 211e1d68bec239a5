// Bangfu: the Welcome page shows each role the pages it works with (the pages check access again on every request):
// village cadres register risks, departments and the county import pushes, process owners change the models,
// supervisors watch the county, county administrators keep its message robots; everyone finds cases and reads messages.
const FOR = {
  '/signal.html': g => g.some(x => x.startsWith('village-')),
  '/imports.html': g => g.some(x => x.startsWith('dept-') || x.startsWith('county-')),
  '/whatif.html': g => g.includes('process-owners'),
  '/models.html': g => g.includes('process-owners'),
  '/viewer.html': g => g.includes('process-owners'),
  '/supervision.html': g => g.some(x => x.startsWith('supervisor-')),
  '/robots.html': g => g.some(x => x.startsWith('admin-')),
  '/registry.html': g => g.some(x => /^(village|township|county|supervisor)-/.test(x)),
  '/support-projects.html': g => g.some(x => /^(village|township|county|supervisor)-|^dept-AGRI-/.test(x)),
  '/income-support.html': g => g.some(x => /^(village|township|county|supervisor)-|^dept-(AGRI|HRSS|CIVIL)-/.test(x)),
  '/swagger-ui.html': g => g.includes('process-owners')
};

let groups = null;
fetch('/api/me', { credentials: 'same-origin', headers: { Accept: 'application/json' } })
  .then(r => (r.ok ? r.json() : null)).then(me => {
    groups = me ? me.groups : [];
    apply();
  });

function apply() {
  if (groups === null) return;
  const admin = groups.includes('camunda-admin');
  document.querySelectorAll('a[href]').forEach(a => {
    const rule = FOR[a.getAttribute('href')];
    if (!rule) return;
    const item = a.closest('.custom-link-wrapper') || a;
    item.style.display = admin || rule(groups) ? '' : 'none';
    item.classList.toggle('bangfu-not-for-role', !(admin || rule(groups)));
  });
}
new MutationObserver(apply).observe(document.body, { childList: true, subtree: true });

export default [];
