#!/bin/sh
# A private WordPress for the embed test, from Debian's packages
# (install-deps.sh): its own MariaDB (a socket only, no network) and its own
# Apache on 127.0.0.1, in a folder of its own, with Debian's WordPress
# (/usr/share/wordpress) and Twenty Twenty-Three. Nothing of the machine's
# own services or sites is used or changed, but one file that Debian's
# wp-config.php reads, /etc/wordpress/config-NAME.php, removed by stop.
#
#   wordpress.sh start HOST PORT   prints the folder, once WordPress answers
#                                  at http://HOST:PORT (HOST resolves to
#                                  127.0.0.1 in the browser of the test)
#   wordpress.sh php DIR SCRIPT    runs wordpress.php SCRIPT in that WordPress
#   wordpress.sh stop DIR          stops both servers, removes everything
#
# Run as root: MariaDB and Apache drop to their own users.
set -eu

here=$(cd "$(dirname "$0")" && pwd)

# config is the name of the file Debian's wp-config.php reads for DIR.
config() {
	echo "/etc/wordpress/config-$(basename "$1").php"
}

stop() {
	dir=$1
	case $(basename "$dir") in ltvlab-wordpress-*) ;; *) echo "not a folder of this script: $dir" >&2; exit 2 ;; esac
	for pidfile in "$dir/apache.pid" "$dir/mysql/mysqld.pid"; do
		if [ -s "$pidfile" ]; then
			pid=$(cat "$pidfile")
			kill "$pid" 2>/dev/null || true
			i=0
			while kill -0 "$pid" 2>/dev/null && [ $i -lt 100 ]; do sleep 0.1; i=$((i + 1)); done
			kill -9 "$pid" 2>/dev/null || true
		fi
	done
	rm -f "$(config "$dir")"
	rm -rf "$dir"
}

start() {
	host=$1
	port=$2
	dir=$(mktemp -d /tmp/ltvlab-wordpress-XXXXXX)
	chmod 755 "$dir"
	trap 'status=$?; [ $status -ne 0 ] && { tail -n 20 "$dir"/*.log "$dir"/mysql/*.log >&2 2>/dev/null; stop "$dir"; }; exit $status' EXIT
	password=$(head -c 18 /dev/urandom | base64 | tr -dc 'A-Za-z0-9')

	# MariaDB: a socket in the folder, no network; its folder is its
	# user's.
	db=$dir/mysql
	mkdir "$db"
	chown mysql:mysql "$db"
	mariadb-install-db --no-defaults --user=mysql --datadir="$db/data" --skip-test-db >"$dir/mysql-install.log" 2>&1
	mariadbd --no-defaults --user=mysql --datadir="$db/data" --socket="$db/mysqld.sock" \
		--pid-file="$db/mysqld.pid" --skip-networking --log-error="$db/mysqld.log" >/dev/null 2>&1 &
	i=0
	until mariadb-admin --no-defaults --socket="$db/mysqld.sock" ping >/dev/null 2>&1; do
		i=$((i + 1))
		[ $i -lt 300 ] || { echo "MariaDB did not start" >&2; exit 1; }
		sleep 0.1
	done
	mariadb --no-defaults --socket="$db/mysqld.sock" -u root -e \
		"CREATE DATABASE wordpress; CREATE USER 'wp'@'localhost' IDENTIFIED BY '$password'; GRANT ALL ON wordpress.* TO 'wp'@'localhost';"

	# WordPress: Debian's, with a content folder of its own (the theme
	# linked, the must-use plugin that lets it fetch oEmbed from 127.0.0.1).
	mkdir -p "$dir/wp-content/themes" "$dir/wp-content/mu-plugins" "$dir/wp-content/uploads"
	ln -s /usr/share/wordpress/wp-content/themes/twentytwentythree "$dir/wp-content/themes/twentytwentythree"
	cp "$here/ltvlab-local-oembed.php" "$dir/wp-content/mu-plugins/"
	chown -R www-data:www-data "$dir/wp-content/uploads"
	cat >"$(config "$dir")" <<CONFIG
<?php
define('DB_NAME', 'wordpress');
define('DB_USER', 'wp');
define('DB_PASSWORD', '$password');
define('DB_HOST', 'localhost:$db/mysqld.sock');
define('WP_CONTENT_DIR', '$dir/wp-content');
define('WP_CONTENT_URL', 'http://$host:$port/wp-content');
define('WP_HOME', 'http://$host:$port');
define('WP_SITEURL', 'http://$host:$port');
define('DISABLE_WP_CRON', true);
define('AUTOMATIC_UPDATER_DISABLED', true);
// Nothing leaves the machine: only 127.0.0.1 and the blog itself.
define('WP_HTTP_BLOCK_EXTERNAL', true);
define('WP_ACCESSIBLE_HOSTS', '127.0.0.1');
CONFIG

	# Apache: 127.0.0.1 only, PHP, Debian's WordPress as the document root.
	cat >"$dir/apache2.conf" <<APACHE
ServerName $host
Listen 127.0.0.1:$port
PidFile $dir/apache.pid
DefaultRuntimeDir $dir
Mutex file:$dir
ErrorLog $dir/apache-error.log
LogLevel warn
LogFormat "%r %>s %B" short
CustomLog $dir/apache-access.log short
User www-data
Group www-data
LoadModule mpm_prefork_module /usr/lib/apache2/modules/mod_mpm_prefork.so
LoadModule authz_core_module /usr/lib/apache2/modules/mod_authz_core.so
LoadModule dir_module /usr/lib/apache2/modules/mod_dir.so
LoadModule mime_module /usr/lib/apache2/modules/mod_mime.so
LoadModule alias_module /usr/lib/apache2/modules/mod_alias.so
LoadModule env_module /usr/lib/apache2/modules/mod_env.so
LoadModule php_module /usr/lib/apache2/modules/libphp8.2.so
StartServers 2
MinSpareServers 2
MaxSpareServers 4
MaxRequestWorkers 8
TypesConfig /etc/mime.types
DirectoryIndex index.php index.html
DocumentRoot /usr/share/wordpress
Alias /wp-content $dir/wp-content
SetEnv WORDPRESS_CONFIG $(basename "$dir")
<Directory />
	Require all denied
	AllowOverride None
</Directory>
<Directory /usr/share/wordpress>
	Require all granted
</Directory>
<Directory $dir/wp-content>
	Require all granted
</Directory>
<FilesMatch "\.php\$">
	SetHandler application/x-httpd-php
</FilesMatch>
APACHE
	apache2 -f "$dir/apache2.conf" -k start

	php_run "$dir" install "$host" "$port" >"$dir/wordpress-install.log" 2>&1
	trap - EXIT
	echo "$dir"
}

# php_run runs a command of wordpress.php in the WordPress of a folder.
php_run() {
	dir=$1
	shift
	WORDPRESS_CONFIG=$(basename "$dir") php "$here/wordpress.php" "$@"
}

case ${1:-} in
start) start "$2" "$3" ;;
php) shift; php_run "$@" ;;
stop) stop "$2" ;;
*) echo "usage: $0 start HOST PORT | php DIR COMMAND... | stop DIR" >&2; exit 2 ;;
esac
