#!/bin/sh
# Installs what the WordPress test needs, from Debian's packages, when it
# is missing: WordPress (6.1 in Debian 12), MariaDB, Apache with PHP. Run
# as root. The packages' own services are not started (a policy-rc.d says
# no while they install): the test runs private instances on 127.0.0.1.
set -eu

missing=
for f in /usr/share/wordpress/wp-load.php /usr/sbin/mariadbd /usr/bin/mariadb-install-db \
	/usr/sbin/apache2 /usr/lib/apache2/modules/libphp8.2.so /usr/lib/php/*/mysqli.so; do
	[ -e "$f" ] || missing=yes
done
[ -z "$missing" ] && exit 0

echo "installing the Debian packages wordpress, mariadb-server, apache2, libapache2-mod-php and php-mysql"
policy=/usr/sbin/policy-rc.d
added=
if [ ! -e "$policy" ]; then
	printf '#!/bin/sh\nexit 101\n' > "$policy"
	chmod 755 "$policy"
	added=yes
fi
trap '[ -n "$added" ] && rm -f "$policy"' EXIT
apt-get update -qq
DEBIAN_FRONTEND=noninteractive apt-get install -y -qq wordpress mariadb-server apache2 libapache2-mod-php php-mysql >/dev/null
