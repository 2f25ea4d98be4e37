// The full-page chat (/chat/): the agent comes from the query string (?account=&agent=),
// and the widget fills #chat inline.
(function () {
  var params = new URLSearchParams(location.search);
  var slug = /^[a-z0-9-]{1,64}$/;
  var account = params.get('account') || 'northwind-heating';
  var agent = params.get('agent') || 'sales';
  if (!slug.test(account) || !slug.test(agent)) { account = 'northwind-heating'; agent = 'sales'; }
  document.querySelectorAll('.picker a').forEach(function (link) {
    if (link.dataset.account === account && link.dataset.agent === agent) link.setAttribute('aria-current', 'true');
  });
  var script = document.createElement('script');
  script.src = '/widget.js';
  script.dataset.account = account;
  script.dataset.agent = agent;
  script.dataset.mode = 'inline';
  script.dataset.target = '#chat';
  document.body.appendChild(script);
})();
