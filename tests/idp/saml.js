// A real SAML 2.0 identity provider (Auth0's samlp) for Chorus's sign-in tests.
// Usage: node saml.js CONFIG.json — CONFIG has port, cert and key (PEM file paths) and
// accounts (login → {attributes}). GET /saml/sso takes Chorus's AuthnRequest (HTTP-Redirect
// binding), shows a sign-in form, then posts a signed Response to the request's ACS URL.
// A `lifetime` field (seconds; negative issues an already-expired assertion) is for tests.
// Single logout: /saml/slo takes a service provider's LogoutRequest (HTTP-Redirect) and
// answers with a signed LogoutResponse to its SLS URL; GET /saml/slo?login=… starts an
// IdP-initiated logout of that person's every session. GET /test/sessions lists them.
const crypto = require('node:crypto');
const fs = require('node:fs');
const zlib = require('node:zlib');
const express = require('express');
const samlp = require('samlp');
const SessionParticipants = require('samlp/lib/sessionParticipants');

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

const REDIRECT = 'urn:oasis:names:tc:SAML:2.0:bindings:HTTP-Redirect';
// Each person's open sessions at the IdP, one per sign-in to a service provider: what a
// LogoutRequest must name to end one, and where to send the others' LogoutRequests. (A
// real IdP keeps them in the person's browser session; this one has no cookie of its own.)
const sessions = new Map(); // NameID → SessionParticipants
const participantsOf = (nameId) => {
  if (!sessions.has(nameId)) sessions.set(nameId, new SessionParticipants([]));
  return sessions.get(nameId);
};
let ended = 0;

// samlp keeps the state of a logout between its requests in a store (an express session
// in a real IdP); each state remembers whose logout it belongs to.
const states = new Map();
const store = {
  save(req, state, cb) {
    const handle = crypto.randomUUID();
    states.set(handle, { ...state, nameId: req.logoutNameId });
    cb(null, handle);
  },
  load(req, handle, options, cb) {
    if (typeof options === 'function') { cb = options; options = {}; }
    const state = states.get(handle);
    if (options.destroy) states.delete(handle);
    cb(null, state);
  },
  update(req, handle, state, cb) { states.set(handle, state); cb(null, handle); },
};

const logouts = new Map(); // NameID → samlp's logout middleware for that person
function logoutFor(nameId) {
  if (!logouts.has(nameId)) {
    logouts.set(nameId, samlp.logout({
      issuer: ISSUER,
      cert,
      key,
      deflate: true,
      protocolBinding: REDIRECT,
      sessionParticipants: participantsOf(nameId),
      store,
      clearIdPSession(cb) { ended += 1; cb(); },
    }));
  }
  return logouts.get(nameId);
}

function requestNameId(encoded) {
  const xml = zlib.inflateRawSync(Buffer.from(encoded, 'base64')).toString();
  const found = xml.match(/<(?:\w+:)?NameID[^>]*>([^<]+)</);
  return found ? found[1] : undefined;
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
      this.sessionIndex = `_${crypto.randomUUID()}`;
      participantsOf(user.attributes.email)._participants.push({
        serviceProviderId: audience,
        nameId: user.attributes.email,
        nameIdFormat: 'urn:oasis:names:tc:SAML:1.1:nameid-format:emailAddress',
        sessionIndex: this.sessionIndex,
        // allauth's single logout service sits beside its ACS.
        serviceProviderLogoutURL: acs.replace(/acs\/?$/, 'sls/'),
        binding: REDIRECT,
      });
      callback(null, acs);
    },
  })(req, res, next);
});

// A service provider's LogoutRequest or LogoutResponse, or (no SAML message, `login`
// naming the person) an IdP-initiated logout of that person's every session.
function slo(req, res, next) {
  const params = { ...req.query, ...(req.body || {}) };
  let nameId;
  if (params.SAMLRequest) {
    nameId = requestNameId(params.SAMLRequest);
  } else if (params.SAMLResponse) {
    nameId = (states.get(params.RelayState) || {}).nameId;
  } else if (params.login && config.accounts[params.login]) {
    nameId = config.accounts[params.login].attributes.email;
  }
  if (!nameId) { res.status(400).send('whose logout is this?'); return; }
  req.logoutNameId = nameId;
  logoutFor(nameId)(req, res, next);
}
app.get('/saml/slo', slo);
app.post('/saml/slo', slo);
app.get('/test/sessions', (req, res) => {
  const open = [];
  for (const [nameId, participants] of sessions) {
    for (const _ of participants._participants) open.push(nameId);
  }
  res.json({ open, ended });
});

app.listen(config.port, '127.0.0.1', () => console.log(`saml ready ${ISSUER}`));
