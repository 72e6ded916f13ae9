#!/usr/bin/env bash
# The WordPress plugin, tested in a real WordPress (Debian's package, 6.1) with a real database
# (a throw-away MariaDB) behind PHP's built-in server, driven by Playwright in Debian's Chromium.
#
#   ./scripts/test-wordpress.sh          (called by ./scripts/test.sh; ends with "N passed, N failed")
#   ./scripts/test-wordpress.sh --serve  (the same site, kept running until Ctrl-C: to try the plugin)
#
# Installs what it needs (idempotently), builds the plugin zip, and puts everything it starts under
# one temporary directory: the docroot (a copy of /usr/share/wordpress with our own wp-config.php),
# the MariaDB datadir and socket, the PHP log. Nothing is written under /etc or /var/lib, and every
# process it started is stopped at the end, whatever happens.
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$PWD

say() { printf '\n== %s\n' "$*"; }
as_root() { if [ "$(id -u)" = 0 ]; then "$@"; else sudo "$@"; fi; }

say "Debian packages: wordpress, mariadb-server, php-cli, php-mysql (+ a theme, mbstring, xml)"
PKGS=(wordpress wordpress-theme-twentytwentyone mariadb-server mariadb-client php-cli php-mysql php-mbstring php-xml curl)
missing=()
for p in "${PKGS[@]}"; do dpkg -s "$p" >/dev/null 2>&1 || missing+=("$p"); done
if [ ${#missing[@]} -gt 0 ]; then
  as_root apt-get update -qq
  as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends \
    -o DPkg::Lock::Timeout=600 "${missing[@]}"
else
  echo "all installed"
fi

say "plugin zip"
[ -f www/pkg/newsmark_bg.wasm ] || ./scripts/build-wasm.sh
./scripts/build-wordpress.sh
ZIP=$ROOT/target/wordpress/newsmark.zip

free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'; }

TMP=$(mktemp -d /tmp/newsmark-wp.XXXXXX)
DB_PID= ; PHP_PID=
cleanup() {
  set +e
  [ -n "$PHP_PID" ] && kill "$PHP_PID" 2>/dev/null && wait "$PHP_PID" 2>/dev/null
  if [ -n "$DB_PID" ]; then
    mariadb-admin --no-defaults --socket="$TMP/db.sock" -uroot shutdown 2>/dev/null || kill "$DB_PID" 2>/dev/null
    wait "$DB_PID" 2>/dev/null
  fi
  # anything still running from our directory (php -S workers, a stray mariadbd) goes too
  pkill -f "$TMP" 2>/dev/null
  sleep 0.2
  if pgrep -f "$TMP" >/dev/null; then echo "left behind:"; pgrep -af "$TMP"; pkill -9 -f "$TMP"; fi
  rm -rf "$TMP"
}
trap cleanup EXIT
trap "exit 130" INT TERM

say "MariaDB (throw-away: $TMP/db)"
DB_PORT=$(free_port)
RUN_AS=(); [ "$(id -u)" = 0 ] && RUN_AS=(--user=root)
mariadb-install-db --no-defaults --datadir="$TMP/db" --auth-root-authentication-method=normal \
  --skip-test-db "${RUN_AS[@]}" > "$TMP/db-install.log" 2>&1 \
  || { cat "$TMP/db-install.log"; exit 1; }
mariadbd --no-defaults --datadir="$TMP/db" --socket="$TMP/db.sock" --port="$DB_PORT" \
  --bind-address=127.0.0.1 --open-files-limit=1024 --pid-file="$TMP/db.pid" --log-error="$TMP/db.err" "${RUN_AS[@]}" &
DB_PID=$!
for _ in $(seq 1 100); do
  mariadb-admin --no-defaults --socket="$TMP/db.sock" -uroot ping >/dev/null 2>&1 && break
  sleep 0.2
done
mariadb --no-defaults --socket="$TMP/db.sock" -uroot -e "
  CREATE DATABASE wp CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci;
  CREATE USER 'wp'@'127.0.0.1' IDENTIFIED BY 'wp-test-only';
  GRANT ALL ON wp.* TO 'wp'@'127.0.0.1';"
echo "MariaDB on 127.0.0.1:$DB_PORT"

say "WordPress docroot ($TMP/docroot)"
WP_PORT=$(free_port)
cp -rL /usr/share/wordpress "$TMP/docroot"
rm -f "$TMP/docroot/.htaccess" "$TMP/docroot/wp-config.php"
mkdir -p "$TMP/docroot/wp-content/uploads"
python3 -m zipfile -e "$ZIP" "$TMP/docroot/wp-content/plugins"
cat > "$TMP/docroot/wp-config.php" <<PHP
<?php
// Throw-away test site (scripts/test-wordpress.sh); never used for anything else.
define('DB_NAME', 'wp');
define('DB_USER', 'wp');
define('DB_PASSWORD', 'wp-test-only');
define('DB_HOST', '127.0.0.1:$DB_PORT');
define('DB_CHARSET', 'utf8mb4');
define('DB_COLLATE', '');
\$table_prefix = 'wp_';
define('AUTH_KEY', '$(head -c 24 /dev/urandom | base64)');
define('SECURE_AUTH_KEY', '$(head -c 24 /dev/urandom | base64)');
define('LOGGED_IN_KEY', '$(head -c 24 /dev/urandom | base64)');
define('NONCE_KEY', '$(head -c 24 /dev/urandom | base64)');
define('AUTH_SALT', '$(head -c 24 /dev/urandom | base64)');
define('SECURE_AUTH_SALT', '$(head -c 24 /dev/urandom | base64)');
define('LOGGED_IN_SALT', '$(head -c 24 /dev/urandom | base64)');
define('NONCE_SALT', '$(head -c 24 /dev/urandom | base64)');
define('WP_DEBUG', true);
define('WP_DEBUG_DISPLAY', false);
define('WP_DEBUG_LOG', '$TMP/php.log');
define('SCRIPT_DEBUG', false);
define('DISABLE_WP_CRON', true);
define('AUTOMATIC_UPDATER_DISABLED', true);
define('WP_AUTO_UPDATE_CORE', false);
define('WP_HTTP_BLOCK_EXTERNAL', true);   // the machine has no network; nor should a test
define('WP_CONTENT_DIR', __DIR__ . '/wp-content');
define('WP_CONTENT_URL', 'http://127.0.0.1:$WP_PORT/wp-content');
define('WP_HOME', 'http://127.0.0.1:$WP_PORT');
define('WP_SITEURL', 'http://127.0.0.1:$WP_PORT');
if (!defined('ABSPATH')) define('ABSPATH', __DIR__ . '/');
require_once ABSPATH . 'wp-settings.php';
PHP

say "WordPress install (its own installer, from PHP)"
php -d error_log="$TMP/php.log" "$ROOT/tests/wordpress/install.php" "$TMP/docroot" "127.0.0.1:$WP_PORT"

say "PHP server on 127.0.0.1:$WP_PORT"
# The block editor makes parallel requests; the built-in server is single-threaded without workers.
PHP_CLI_SERVER_WORKERS=4 php -S "127.0.0.1:$WP_PORT" -t "$TMP/docroot" \
  -d log_errors=1 -d display_errors=0 -d error_log="$TMP/php.log" -d error_reporting=E_ALL \
  "$ROOT/tests/wordpress/router.php" > "$TMP/php-server.log" 2>&1 &
PHP_PID=$!
for _ in $(seq 1 100); do
  curl -fs -o /dev/null "http://127.0.0.1:$WP_PORT/wp-login.php" && break
  sleep 0.2
done

if [ "${1:-}" = "--serve" ]; then
  echo "WordPress: http://127.0.0.1:$WP_PORT/wp-admin/  (admin / admin-test-only); Ctrl-C stops it"
  echo "$TMP" > target/wordpress/serving
  wait "$PHP_PID"
  exit 0
fi

say "tests"
pass=0; fail=0
for f in $(find wordpress/newsmark -name '*.php' | sort); do
  if php -l "$f" >/dev/null 2>"$TMP/lint.err"; then pass=$((pass + 1)); else fail=$((fail + 1)); echo "not ok: php -l $f"; cat "$TMP/lint.err"; fi
done
echo "php -l: $pass files without syntax errors"
set +e
WP_URL="http://127.0.0.1:$WP_PORT" WP_TMP="$TMP" WP_DB_SOCKET="$TMP/db.sock" WP_PHP_LOG="$TMP/php.log" \
WP_ZIP="$ZIP" WP_PLUGIN_DIR="$TMP/docroot/wp-content/plugins/newsmark" \
  node --test --test-concurrency=1 --test-reporter=tap tests/wordpress/ > "$TMP/node.tap" 2>&1
set -e
cat "$TMP/node.tap"
np=$(awk '/^# pass /{print $3}' "$TMP/node.tap"); nf=$(awk '/^# fail /{print $3}' "$TMP/node.tap")
pass=$((pass + ${np:-0})); fail=$((fail + ${nf:-1}))
echo "$pass passed, $fail failed"
[ "$fail" = 0 ]
