-- The tables as offers_db/models.py created them before Alembic (git show 799f248~1:offers_db/models.py),
-- made with metadata.create_all on SQLite and dumped from sqlite_master. Frozen: never edit, it stands for
-- the databases that already exist (tests/integration/test_migrations.py upgrades a copy of it).

CREATE TABLE offers (
	id VARCHAR(80) NOT NULL,
	title VARCHAR(120) NOT NULL,
	organization VARCHAR(200) NOT NULL,
	audience VARCHAR(10) NOT NULL,
	min_age FLOAT,
	max_age FLOAT,
	district VARCHAR(100),
	languages VARCHAR(200) NOT NULL,
	active BOOLEAN NOT NULL,
	valid_from DATE,
	valid_until DATE,
	search_text TEXT NOT NULL,
	content_hash VARCHAR(64) NOT NULL,
	data TEXT NOT NULL,
	PRIMARY KEY (id)
);

CREATE INDEX ix_offers_audience ON offers (audience);

CREATE TABLE need_counts (
	day DATE NOT NULL,
	need VARCHAR(40) NOT NULL,
	age_group VARCHAR(12) NOT NULL,
	channel VARCHAR(20) NOT NULL,
	outcome VARCHAR(10) NOT NULL,
	count INTEGER NOT NULL,
	PRIMARY KEY (day, need, age_group, channel, outcome)
);

CREATE TABLE contact_requests (
	id INTEGER NOT NULL,
	conversation_id VARCHAR(128) NOT NULL,
	channel VARCHAR(20) NOT NULL,
	status VARCHAR(10) NOT NULL,
	contact VARCHAR(200) NOT NULL,
	name VARCHAR(100),
	best_time VARCHAR(100),
	topic VARCHAR(40),
	age_group VARCHAR(12),
	note VARCHAR(300),
	claimed_by VARCHAR(100),
	created_at DATETIME NOT NULL,
	claimed_at DATETIME,
	done_at DATETIME,
	PRIMARY KEY (id)
);

CREATE INDEX ix_contact_requests_status ON contact_requests (status);

CREATE INDEX ix_contact_requests_conversation_id ON contact_requests (conversation_id);

CREATE TABLE offer_categories (
	offer_id VARCHAR(80) NOT NULL,
	category VARCHAR(40) NOT NULL,
	PRIMARY KEY (offer_id, category),
	FOREIGN KEY(offer_id) REFERENCES offers (id) ON DELETE CASCADE
);

CREATE INDEX ix_offer_categories_category ON offer_categories (category);
