-- Seed users. Only salted PBKDF2 hashes are stored; the passwords (alice/wonderland, bob/builder,
-- mallory/evil-twin) are in the README for workshop use, and a test checks that these hashes verify against them.
-- mallory is the attacker's own Flock account, which the login-CSRF page logs Alice's browser in to in every
-- case where the attack works: her hash has 1,000 iterations instead of 210,000 so that those logins do not slow
-- ./lab run (measured: over a second each on two busy cores); the lessons do not depend on the strength of her hash.
INSERT INTO users (username, password_hash, display_name, email, phone) VALUES
  ('alice', 'pbkdf2-sha512$210000$MUmlF9lNZgYEnXCmZm109g$lrPMKnFMFvxmb8T44VwgeChyzN4fGSVXVtNGqOhhGXMOMS4fv+rQaoz/gvFUwIUmaiZD9tPz6NCQPbuDsoeoeg',
   'Alice Liddell', 'alice@wonderland.example', '+44 20 7946 0018'),
  ('bob', 'pbkdf2-sha512$210000$ZLWzLyxvkgmzqwPkQo5Tyw$8aiJqEKw9p6BuR5VLOOSxcxAFa0H2Pq9WniUxCIcnsklZ3HeEyw+PFN6kwSnijZsFHUtHhYdEw9sua487tSmXA',
   'Bob Builder', 'bob@builder.example', '+44 20 7946 0451'),
  ('mallory', 'pbkdf2-sha512$1000$iZAWVJyYNfTbZme2AeF4xA$WCyff+BPkm6Sb6qFhAlEdnXE2vYl0e17pg2DbMZjwgr9d8lVvg619HO+Bwc/oyQGb8zl6RtJvzoZWLEepJK0Mw',
   'Mallory', 'mallory@mallory.example', '+44 20 7946 0666');

INSERT INTO messages (recipient, sender, body, sent_at) VALUES
  ('alice', 'bob', 'The spare key is under the blue flowerpot. Delete this after reading!', TIMESTAMP WITH TIME ZONE '2026-11-20 18:04:00+00'),
  ('alice', 'bob', 'Your bank called: they need the code they texted you. Call them back on 0800 123 456.', TIMESTAMP WITH TIME ZONE '2026-11-22 09:31:00+00'),
  ('bob', 'alice', 'Thanks for the tea party invitation, I will bring scones.', TIMESTAMP WITH TIME ZONE '2026-11-21 12:15:00+00');

INSERT INTO posts (author, body, created_at) VALUES
  ('alice', 'Followed a white rabbit today. Would not recommend the fall.', TIMESTAMP WITH TIME ZONE '2026-11-19 15:00:00+00'),
  ('bob', 'Can we fix it? Yes we can. Finished the garden shed this weekend.', TIMESTAMP WITH TIME ZONE '2026-11-23 10:20:00+00'),
  ('alice', 'Tea party on Saturday. Hatters welcome, dormice optional.', TIMESTAMP WITH TIME ZONE '2026-11-24 17:45:00+00');
