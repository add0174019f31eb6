-- The seeded e-mail addresses, restored by the console's reset after a CSRF demonstration changed them.
UPDATE users SET email = 'alice@wonderland.example' WHERE username = 'alice';
UPDATE users SET email = 'bob@builder.example' WHERE username = 'bob';
UPDATE users SET email = 'mallory@mallory.example' WHERE username = 'mallory';
