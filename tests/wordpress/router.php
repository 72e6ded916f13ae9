<?php
// Router for PHP's built-in server in the WordPress test (scripts/test-wordpress.sh), doing what a
// web server's configuration does for WordPress: existing static files are served as they are
// (.wasm as application/wasm), existing PHP files and folders run as usual, and every other path
// goes to WordPress's index.php (as Apache's rewrite rules do: /favicon.ico is WordPress's).
$path = urldecode(parse_url($_SERVER['REQUEST_URI'], PHP_URL_PATH));
$file = $_SERVER['DOCUMENT_ROOT'] . $path;
if (is_file($file) && substr($file, -5) === '.wasm') {
    header('Content-Type: application/wasm');
    readfile($file);
    return true;
}
if (file_exists($file)) {
    return false;
}
$_SERVER['SCRIPT_NAME'] = '/index.php';
$_SERVER['SCRIPT_FILENAME'] = $_SERVER['DOCUMENT_ROOT'] . '/index.php';
require $_SERVER['DOCUMENT_ROOT'] . '/index.php';
return true;
