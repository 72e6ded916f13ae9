<?php
// Router for PHP's built-in server in the WordPress test (scripts/test-wordpress.sh): serves
// existing static files itself (with application/wasm for .wasm, which a web server is expected
// to send) and hands everything else to WordPress.
$path = urldecode(parse_url($_SERVER['REQUEST_URI'], PHP_URL_PATH));
$file = $_SERVER['DOCUMENT_ROOT'] . $path;
if ($path !== '/' && is_file($file) && substr($file, -4) !== '.php') {
    if (substr($file, -5) === '.wasm') {
        header('Content-Type: application/wasm');
        readfile($file);
        return true;
    }
    return false;
}
return false;
