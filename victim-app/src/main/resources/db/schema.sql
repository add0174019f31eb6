CREATE TABLE users (
  username      VARCHAR(32)  PRIMARY KEY,
  password_hash VARCHAR(200) NOT NULL,
  display_name  VARCHAR(80)  NOT NULL,
  email         VARCHAR(120) NOT NULL,
  phone         VARCHAR(40)  NOT NULL
);

CREATE TABLE messages (
  id        BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  recipient VARCHAR(32)   NOT NULL REFERENCES users(username),
  sender    VARCHAR(32)   NOT NULL REFERENCES users(username),
  body      VARCHAR(2000) NOT NULL,
  sent_at   TIMESTAMP WITH TIME ZONE NOT NULL
);

CREATE TABLE posts (
  id         BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  author     VARCHAR(32)   NOT NULL REFERENCES users(username),
  body       VARCHAR(2000) NOT NULL,
  created_at TIMESTAMP WITH TIME ZONE NOT NULL
);
