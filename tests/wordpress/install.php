<?php
// Installs the throw-away test site with WordPress's own installer (there is no wp-cli here):
//   php tests/wordpress/install.php DOCROOT HOST:PORT
// then activates the theme and the plugin, and makes a second user without publishing rights.
[$_, $docroot, $host] = $argv;
$_SERVER['HTTP_HOST'] = $host;
$_SERVER['SERVER_NAME'] = '127.0.0.1';
$_SERVER['REQUEST_URI'] = '/';
define('WP_INSTALLING', true);
require $docroot . '/wp-load.php';
/** The installer's "your new site" e-mail: there is no mail here, and nobody to send it to. */
function wp_new_blog_notification($blog_title, $blog_url, $user_id, $password)
{
}
require_once ABSPATH . 'wp-admin/includes/upgrade.php';
require_once ABSPATH . 'wp-admin/includes/plugin.php';

$r = wp_install('newsmark test site', 'admin', 'admin@example.test', false, '', 'admin-test-only');
if (is_wp_error($r) || empty($r['user_id'])) {
    fwrite(STDERR, "install failed\n");
    exit(1);
}
switch_theme('twentytwentyone');
update_option('permalink_structure', '');
update_option('show_avatars', 0); // avatars come from gravatar.com: the test asserts no request leaves the site
$act = activate_plugin('newsmark/newsmark.php');
if (is_wp_error($act)) {
    fwrite(STDERR, 'activate failed: ' . $act->get_error_message() . "\n");
    exit(1);
}
$uid = wp_create_user('contributor', 'contributor-test-only', 'contributor@example.test');
(new WP_User($uid))->set_role('contributor');
// The editor's welcome guide would cover the canvas in every test.
update_user_meta($r['user_id'], 'wp_persisted_preferences', [
    'core/edit-post' => ['welcomeGuide' => false, 'fullscreenMode' => false],
    '_modified' => gmdate('c'),
]);
echo "installed WordPress " . get_bloginfo('version') . " at http://$host/\n";
