-- SPDX-FileCopyrightText: 2026 Creodrop
-- SPDX-License-Identifier: GPL-3.0-or-later
-- Round-trip fixture for the dumper: every column type and object kind the dump must keep
-- exactly. Loaded with the stock mariadb client into a scratch database.
SET NAMES utf8mb4;
SET time_zone = '+00:00';
SET sql_mode = '';

CREATE TABLE `all types` (
  id INT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,
  ti TINYINT, tiu TINYINT UNSIGNED, si SMALLINT, siu SMALLINT UNSIGNED,
  mi MEDIUMINT, miu MEDIUMINT UNSIGNED, i INT, iu INT UNSIGNED, bi BIGINT, biu BIGINT UNSIGNED,
  dec1 DECIMAL(65,30), dec2 DECIMAL(10,2) UNSIGNED,
  f FLOAT, d DOUBLE,
  b1 BIT(1), b64 BIT(64),
  dt DATE, dtt DATETIME(6), ts TIMESTAMP(6) NULL DEFAULT NULL, tm TIME(3), yr YEAR,
  c CHAR(10), vc VARCHAR(255), tx TEXT, lt LONGTEXT,
  bn BINARY(4), vb VARBINARY(300), bl BLOB, lb LONGBLOB,
  lat VARCHAR(50) CHARACTER SET latin1,
  en ENUM('a','b','c d'), st SET('x','y','z'),
  js JSON, g GEOMETRY, pt POINT, u UUID, ip INET6,
  created TIMESTAMP NOT NULL DEFAULT CURRENT_TIMESTAMP ON UPDATE CURRENT_TIMESTAMP COMMENT 'row''s time'
) ENGINE=InnoDB AUTO_INCREMENT=1000 COMMENT='every type; it''s here';

INSERT INTO `all types` VALUES
 (1, -128, 255, -32768, 65535, -8388608, 16777215, -2147483648, 4294967295, -9223372036854775808, 18446744073709551615,
  '-99999999999999999999999999999999999.999999999999999999999999999999', 99999999.99,
  3.4028234e38, 1.7976931348623157e308, b'1', b'1111111111111111111111111111111111111111111111111111111111111111',
  '0000-00-00', '0000-00-00 00:00:00.000000', '1970-01-01 00:00:01.000000', '-838:59:59.000', 1901,
  'fixed', 'it''s a "quote" \\ backslash', 'line1\nline2\r\n\ttab \Z ctrl', 'emoji ðŸŽ‰ðŸš€ and Ã± ÃŸ æ¼¢å­—',
  0x00FF2700, 0x0027225C0A0D1A, 0x00, '', 'GrÃ¼ÃŸe', 'a', 'x,z',
  '{"k": [1, 2.5, "Ã©", null], "n": {"t": true}}', ST_GeomFromText('POLYGON((0 0,10 0,10 10,0 10,0 0))'),
  POINT(1.5, -2.25), '123e4567-e89b-12d3-a456-426614174000', '2001:db8::ff00:42:8329', '2020-02-29 12:34:56'),
 (2, 127, 0, 32767, 0, 8388607, 0, 2147483647, 0, 9223372036854775807, 0,
  '0.000000000000000000000000000001', 0.00,
  1.17549435e-38, 2.2250738585072014e-308, b'0', b'0',
  '2024-02-29', '9999-12-31 23:59:59.999999', '2038-01-19 03:14:07.999999', '838:59:59.000', 2155,
  '', '', '', '', 0x00000000, '', '', '', '', 'b', '', '[]', ST_GeomFromText('LINESTRING(0 0,1 1,2 1)'),
  POINT(0, 0), '00000000-0000-0000-0000-000000000000', '::', '2038-01-19 03:14:07'),
 (3, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL,
  NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, '2000-01-01'),
 (4, 0, 1, 0, 1, 0, 1, 0, 1, 0, 1, '1.5', 1.5, -1.4e-45, 4.9e-324, NULL, b'101', '1000-01-01', '1000-01-01 00:00:00',
  '2000-01-01 00:00:00', '00:00:00', 0, 'x', 'NULL', 'null', '\\N', 0x01020304, 0xDEADBEEF, NULL, NULL, NULL, 'c d', 'x,y,z',
  '"just a string"', ST_GeomFromText('MULTIPOINT(1 1,2 2)'), NULL, NULL, '::ffff:192.0.2.1', '2001-01-01'),
 (5, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, '3.141592653589793238462643383279', 3.14, 0.1, 0.1, b'1', b'1', '2001-02-03',
  '2001-02-03 04:05:06.5', '2001-02-03 04:05:06.5', '-00:00:01.5', 2001, 'a', 'b', 'c', 'd', 0x41, 0x42, 0x43, 0x44,
  'Ã¿', 'b', 'y', '{}', ST_GeomFromText('GEOMETRYCOLLECTION(POINT(1 1))'), POINT(-180, 90), NULL, '10.0.0.1', '2001-01-01');

-- Every byte value, in binary and as an escaped string.
INSERT INTO `all types` (id, lb, bl, vb)
  SELECT 6, UNHEX(GROUP_CONCAT(LPAD(HEX(seq), 2, '0') ORDER BY seq SEPARATOR '')),
         UNHEX(GROUP_CONCAT(LPAD(HEX(255 - seq), 2, '0') ORDER BY seq SEPARATOR '')), UNHEX('00FF') FROM seq_0_to_255;
-- A multi-MB row (bigger than one INSERT statement's budget).
INSERT INTO `all types` (id, lb, lt) VALUES (7, REPEAT(UNHEX('00FF27225C0A0D1A'), 400000), REPEAT('ab\'cðŸŽ‰', 500000));
-- id 0 must stay 0 on reload (NO_AUTO_VALUE_ON_ZERO in the dump header).
SET sql_mode = 'NO_AUTO_VALUE_ON_ZERO';
INSERT INTO `all types` (id, vc) VALUES (0, 'zero id');
SET sql_mode = '';

-- Odd identifiers: backticks, quotes, spaces, reserved words, unicode, a newline; no key and duplicate rows.
CREATE TABLE `we``ird "table" Ã± â˜ƒ` (`select` INT, `a"b` VARCHAR(10), `col with space` TEXT, `ÐºÐ»ÑŽÑ‡` INT, `order` CHAR(1))
  COMMENT 'no key';
INSERT INTO `we``ird "table" Ã± â˜ƒ` VALUES (1, 'x', 'dup', 1, 'a'), (1, 'x', 'dup', 1, 'a'), (1, 'x', 'dup', 1, 'a'),
  (NULL, '', NULL, 2, ''), (2, NULL, '', NULL, NULL);
CREATE TABLE `new
line` (`a
b` INT);
INSERT INTO `new
line` VALUES (1), (1);

CREATE TABLE `empty` (id INT PRIMARY KEY, v VARCHAR(10));
CREATE TABLE `myisam_t` (id INT PRIMARY KEY, v VARCHAR(10)) ENGINE=MyISAM;
INSERT INTO `myisam_t` VALUES (1, 'm');

-- A foreign-key cycle.
CREATE TABLE fk_a (id INT PRIMARY KEY, b_id INT, KEY (b_id)) ENGINE=InnoDB;
CREATE TABLE fk_b (id INT PRIMARY KEY, a_id INT, KEY (a_id), CONSTRAINT fk_b_a FOREIGN KEY (a_id) REFERENCES fk_a (id))
  ENGINE=InnoDB;
ALTER TABLE fk_a ADD CONSTRAINT fk_a_b FOREIGN KEY (b_id) REFERENCES fk_b (id);
SET foreign_key_checks = 0;
INSERT INTO fk_a VALUES (1, 1), (2, 2);
INSERT INTO fk_b VALUES (1, 2), (2, 1);
SET foreign_key_checks = 1;

-- Generated and invisible columns.
CREATE TABLE gcols (id INT PRIMARY KEY, a INT, b INT AS (a * 2) VIRTUAL, c INT AS (a + 1) STORED,
  h INT INVISIBLE DEFAULT 42, KEY (c));
INSERT INTO gcols (id, a, h) VALUES (1, 10, 7), (2, NULL, NULL), (3, -5, 42);

-- System-versioned, with history: hidden periods, and named invisible ones.
CREATE TABLE versioned (id INT PRIMARY KEY, v VARCHAR(10)) WITH SYSTEM VERSIONING;
INSERT INTO versioned VALUES (1, 'old'), (2, 'keep');
UPDATE versioned SET v = 'new' WHERE id = 1;
CREATE TABLE versioned_p (id INT PRIMARY KEY, v INT, `start` TIMESTAMP(6) AS ROW START INVISIBLE,
  `end` TIMESTAMP(6) AS ROW END INVISIBLE, PERIOD FOR SYSTEM_TIME (`start`, `end`)) WITH SYSTEM VERSIONING;
INSERT INTO versioned_p (id, v) VALUES (1, 1), (2, 2);
UPDATE versioned_p SET v = 10 WHERE id = 1;
DELETE FROM versioned_p WHERE id = 2;

-- Sequences, one of them used.
CREATE SEQUENCE seq_plain START WITH 100 INCREMENT BY 5 NOCACHE;
SELECT NEXTVAL(seq_plain), NEXTVAL(seq_plain), NEXTVAL(seq_plain);
CREATE SEQUENCE `seq cycle` START WITH 1 MINVALUE 1 MAXVALUE 3 INCREMENT BY 1 NOCACHE CYCLE;
SELECT NEXTVAL(`seq cycle`), NEXTVAL(`seq cycle`), NEXTVAL(`seq cycle`), NEXTVAL(`seq cycle`);
CREATE TABLE uses_seq (id INT NOT NULL DEFAULT NEXTVAL(seq_plain) PRIMARY KEY, v INT);
INSERT INTO uses_seq (v) VALUES (1), (2);

-- Routines (bodies with semicolons, quotes and odd names).
DELIMITER ;;
CREATE FUNCTION f_double(x INT) RETURNS INT DETERMINISTIC COMMENT 'doubles' RETURN x * 2;;
CREATE DEFINER=CURRENT_USER FUNCTION `fn Ã±`(s VARCHAR(20)) RETURNS VARCHAR(40) CHARSET utf8mb4 DETERMINISTIC
BEGIN
  DECLARE r VARCHAR(40) DEFAULT ';';
  SET r = CONCAT(s, '; it''s ;; done');
  RETURN r;
END;;
CREATE PROCEDURE `p``odd`(IN n INT, OUT total INT)
  SQL SECURITY INVOKER
BEGIN
  SELECT COUNT(*) INTO total FROM `all types` WHERE id > n;
  IF total > 100 THEN SET total = 100; END IF;
END;;
DELIMITER ;

-- Views on views, with options, and one that calls a function.
CREATE VIEW v_base AS SELECT id, vc, i FROM `all types` WHERE id < 100;
CREATE ALGORITHM=MERGE SQL SECURITY INVOKER VIEW v_mid (ident, text) AS SELECT id, vc FROM v_base WITH CASCADED CHECK OPTION;
CREATE VIEW `v top` AS SELECT m.ident, f_double(m.ident) AS twice, w.`select` FROM v_mid m
  LEFT JOIN `we``ird "table" Ã± â˜ƒ` w ON w.`ÐºÐ»ÑŽÑ‡` = m.ident;
CREATE ALGORITHM=TEMPTABLE VIEW aa_first_by_name AS SELECT COUNT(*) AS n FROM `v top`;

-- Triggers, one created under a different sql_mode.
CREATE TABLE audit (id INT AUTO_INCREMENT PRIMARY KEY, what VARCHAR(100));
INSERT INTO audit (what) VALUES ('seed');
DELIMITER ;;
CREATE TRIGGER gcols_bi BEFORE INSERT ON gcols FOR EACH ROW
BEGIN
  IF NEW.a IS NULL THEN SET NEW.a = 0; END IF;
END;;
CREATE TRIGGER gcols_au AFTER UPDATE ON gcols FOR EACH ROW INSERT INTO audit (what) VALUES (CONCAT('upd;', NEW.id));;
DELIMITER ;
SET sql_mode = 'TRADITIONAL,ANSI_QUOTES';
CREATE TRIGGER "audit ins" BEFORE INSERT ON audit FOR EACH ROW SET NEW.what = CONCAT('a:', NEW.what);
SET sql_mode = '';

-- Events (disabled, so they never fire during tests).
CREATE EVENT ev_daily ON SCHEDULE EVERY 1 DAY STARTS '2030-01-01 00:00:00' ON COMPLETION PRESERVE DISABLE
  COMMENT 'daily' DO INSERT INTO audit (what) VALUES ('tick');
DELIMITER ;;
CREATE EVENT `ev once` ON SCHEDULE AT '2035-06-01 12:00:00' ON COMPLETION PRESERVE DISABLE
  DO BEGIN DELETE FROM audit WHERE what = 'x;y'; END;;
DELIMITER ;

-- Objects created by clients whose character set is not utf8mb4: the literals below are latin1
-- and cp1250 bytes (this file is not all UTF-8 from here on), as such a client sends them.
SET NAMES latin1;
CREATE VIEW v_latin1 AS SELECT 'Grüße' AS g, 'café' AS `naïve`;
CREATE FUNCTION f_latin1() RETURNS VARCHAR(20) CHARSET utf8mb4 DETERMINISTIC RETURN 'Grüße ÿ';
DELIMITER ;;
CREATE PROCEDURE p_latin1() BEGIN SELECT 'Grüße' AS g; END;;
DELIMITER ;
CREATE TRIGGER audit_latin1 BEFORE UPDATE ON audit FOR EACH ROW SET NEW.what = CONCAT(NEW.what, ' é');
CREATE FUNCTION f_latin1_comment() RETURNS INT DETERMINISTIC COMMENT 'résumé, it''s \\ ½' RETURN 1;
CREATE EVENT ev_latin1 ON SCHEDULE AT '2036-02-01 00:00:00' ON COMPLETION PRESERVE DISABLE COMMENT 'côte'
  DO INSERT INTO audit (what) VALUES ('côte');
SET NAMES cp1250;
CREATE VIEW v_cp1250 AS SELECT 'Šastný žluouèký' AS z;
CREATE FUNCTION f_cp1250() RETURNS VARCHAR(40) CHARSET utf8mb4 DETERMINISTIC RETURN 'Pøíliš žluouèký kùò';
CREATE EVENT ev_cp1250 ON SCHEDULE AT '2036-01-01 00:00:00' ON COMPLETION PRESERVE DISABLE
  DO INSERT INTO audit (what) VALUES ('kùò');
SET NAMES utf8mb4;

-- Identifiers with backslashes, quotes and backticks.
CREATE TABLE `a\` (`b\` INT, `it's` VARCHAR(10), `dq"` INT, `bt``x` INT);
INSERT INTO `a\` VALUES (1, 'x', 2, 3), (NULL, 'y\\', NULL, 4);
CREATE VIEW `v\'"``` AS SELECT `b\`, `it's`, `bt``x` FROM `a\`;
CREATE FUNCTION `f\'"```() RETURNS VARCHAR(10) DETERMINISTIC RETURN 'q\'\\';

-- Routines and views written under NO_BACKSLASH_ESCAPES and ANSI_QUOTES.
SET sql_mode = 'NO_BACKSLASH_ESCAPES';
CREATE FUNCTION f_nbe() RETURNS VARCHAR(10) DETERMINISTIC RETURN 'C:\';
CREATE VIEW v_nbe AS SELECT 'C:\' AS path, 'it''s' AS q;
DELIMITER ;;
CREATE PROCEDURE p_nbe(OUT r VARCHAR(20)) BEGIN SET r = 'D:\dir\'; END;;
DELIMITER ;
SET sql_mode = 'ANSI_QUOTES';
CREATE FUNCTION "f_ansi"() RETURNS VARCHAR(10) DETERMINISTIC RETURN 'a\\b';
CREATE VIEW "v_ansi" AS SELECT "id" AS "the id" FROM "empty";
CREATE TRIGGER "a_bi" BEFORE INSERT ON "a\" FOR EACH ROW SET NEW."b\" = COALESCE(NEW."b\", 0);
SET sql_mode = '';

-- Definers of users that do not exist.
CREATE DEFINER=`nobody_here`@`%` SQL SECURITY INVOKER VIEW v_ghost AS SELECT 1 AS one;
CREATE DEFINER=`ghost`@`localhost` FUNCTION f_ghost() RETURNS INT DETERMINISTIC SQL SECURITY INVOKER RETURN 7;

-- A view WITH CHECK OPTION over a view whose name sorts after its own (the real definitions
-- must come in dependency order: a stand-in is not updatable).
CREATE VIEW zz_under AS SELECT id, i FROM `all types` WHERE id < 1000;
CREATE VIEW ab_over AS SELECT id, i FROM zz_under WITH CHECK OPTION;

-- A plain key before a SPATIAL one stays in place; FULLTEXT keys are listed last whatever their
-- order, and a plain key after the SPATIAL one may be added after the rows.
CREATE TABLE geo (id INT PRIMARY KEY, g GEOMETRY NOT NULL, n INT, t TEXT, KEY by_n (n), SPATIAL KEY sp (g),
  FULLTEXT KEY ft (t), KEY by_id_n (id, n)) ENGINE=InnoDB;
INSERT INTO geo VALUES (1, POINT(1, 2), 5, 'one two'), (2, POINT(3, 4), NULL, 'three');

-- A column name with a line break and what looks like a key after it.
CREATE TABLE `nl key` (id INT PRIMARY KEY, `a,
  KEY ``x` INT, n INT, KEY by_n (n)) ENGINE=InnoDB;
INSERT INTO `nl key` VALUES (1, 2, 3), (4, 5, 6);

-- A body holding every delimiter the dumper tries first.
DELIMITER ~~
CREATE PROCEDURE p_delims() BEGIN SELECT ';;', '$$', '//', '@@@', '#|#|#', '<<creodrop-end>>', '$$1$$'; END~~
DELIMITER ;

-- Text in character sets that do not come back byte for byte from UTF-8: sjis's single-byte
-- backslash, a cp932 NEC duplicate, a tis620 byte with no character of its own.
CREATE TABLE lossy (id INT PRIMARY KEY, sj VARCHAR(20) CHARACTER SET sjis, cp VARCHAR(20) CHARACTER SET cp932,
  th VARCHAR(10) CHARACTER SET tis620) ENGINE=InnoDB;
INSERT INTO lossy VALUES (1, CAST(0x5C41815F5C AS CHAR CHARACTER SET sjis), CAST(0x8790ED40 AS CHAR CHARACTER SET cp932),
  CAST(0x41DB AS CHAR CHARACTER SET tis620)), (2, NULL, '', 'plain');

-- A view that also reads another database: the server names this database's tables with their
-- database too, and one that draws from a sequence names the sequence so (the copy's views use the
-- copy's tables and sequence).
CREATE VIEW v_cross AS SELECT a.id, c.CHARACTER_SET_NAME AS cs FROM `all types` a
  JOIN information_schema.CHARACTER_SETS c ON c.MAXLEN = a.id;
CREATE VIEW v_next AS SELECT NEXTVAL(seq_plain) AS n;
