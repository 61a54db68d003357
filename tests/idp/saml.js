// A real SAML 2.0 identity provider (Auth0's samlp) for Chorus's sign-in tests.
// Usage: node saml.js CONFIG.json — CONFIG has port, cert and key (PEM file paths) and
// accounts (login → {attributes}). GET /saml/sso takes Chorus's AuthnRequest (HTTP-Redirect
// binding), shows a sign-in form, then posts a signed Response to the request's ACS URL.
// A `lifetime` field (seconds; negative issues an already-expired assertion) is for tests.
const fs = require('node:fs');
const express = require('express');
const samlp = require('samlp');

const config = JSON.parse(fs.readFileSync(process.argv[2], 'utf8'));
const cert = fs.readFileSync(config.cert);
const key = fs.readFileSync(config.key);
const ISSUER = `http://127.0.0.1:${config.port}/saml/metadata`;

class Profile {
  constructor(user) { this.user = user; }
  getClaims() { return this.user.attributes; }
  getNameIdentifier() {
    return {
      nameIdentifier: this.user.attributes.email,
      nameIdentifierFormat: 'urn:oasis:names:tc:SAML:1.1:nameid-format:emailAddress',
    };
  }
}

const app = express();
app.use(express.urlencoded({ extended: false }));

app.get('/saml/metadata', samlp.metadata({ issuer: ISSUER, cert, redirectEndpointPath: '/saml/sso' }));

function escape(value) {
  return String(value).replace(/[&<>"]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' }[c]));
}

app.get('/saml/sso', (req, res, next) => {
  const login = req.query.login;
  if (!login) {
    const hidden = ['SAMLRequest', 'RelayState', 'SigAlg', 'Signature']
      .filter((name) => req.query[name] !== undefined)
      .map((name) => `<input type="hidden" name="${name}" value="${escape(req.query[name])}">`)
      .join('');
    res.send(`<!doctype html><title>Test IdP sign-in</title><h1>Test IdP</h1>
      <form method="get" action="/saml/sso">${hidden}
      <label>Login <input name="login"></label>
      <label>Lifetime <input name="lifetime" value="600"></label>
      <button type="submit">Sign in</button></form>`);
    return;
  }
  const user = config.accounts[login];
  if (!user) { res.status(403).send('unknown login'); return; }
  samlp.auth({
    issuer: ISSUER,
    cert,
    key,
    signResponse: true,
    lifetimeInSeconds: Number(req.query.lifetime || 600),
    profileMapper: (u) => new Profile(u),
    getUserFromRequest: () => user,
    getPostURL(audience, dom, request, callback) {
      const acs = dom.documentElement.getAttribute('AssertionConsumerServiceURL');
      // samlp calls this as a method of its own copy of the options.
      this.recipient = acs;
      this.destination = acs;
      callback(null, acs);
    },
  })(req, res, next);
});

app.listen(config.port, '127.0.0.1', () => console.log(`saml ready ${ISSUER}`));
