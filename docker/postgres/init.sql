-- Run by the postgres image on its first start (empty volume): one database and one owner per service, as each
-- service's application.yml names them.
CREATE ROLE conference LOGIN PASSWORD 'conference';
CREATE DATABASE conference OWNER conference;
CREATE ROLE registration LOGIN PASSWORD 'registration';
CREATE DATABASE registration OWNER registration;
CREATE ROLE payments LOGIN PASSWORD 'payments';
CREATE DATABASE payments OWNER payments;
CREATE ROLE readmodel LOGIN PASSWORD 'readmodel';
CREATE DATABASE readmodel OWNER readmodel;
CREATE ROLE notifications LOGIN PASSWORD 'notifications';
CREATE DATABASE notifications OWNER notifications;
