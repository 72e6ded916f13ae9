<?php
/**
 * Plugin Name:       newsmark
 * Plugin URI:        https://github.com/newsmark/newsmark
 * Description:       Finds people, organisations, places, numbers and quotations (with who said them) in the post you are editing, in your browser, and highlights them without changing the post.
 * Version:           0.1.0
 * Requires at least: 6.1
 * Requires PHP:      7.4
 * Author:            newsmark contributors
 * License:           MIT
 * License URI:       https://opensource.org/licenses/MIT
 * Text Domain:       newsmark
 *
 * The annotation runs in the editor's (or the reader's) browser, in a Web Worker, from files this
 * plugin serves itself: no network call leaves the site, nothing is tracked.
 */

if (!defined('ABSPATH')) {
    exit;
}

define('NEWSMARK_VERSION', '0.1.0');
define('NEWSMARK_FILE', __FILE__);
define('NEWSMARK_DIR', plugin_dir_path(__FILE__));
define('NEWSMARK_URL', plugin_dir_url(__FILE__));
/** Where annotations stored with a post live (a protected meta key: not shown as a custom field). */
define('NEWSMARK_META_KEY', '_newsmark');
/** The largest annotation document accepted from the editor, in bytes of JSON. */
define('NEWSMARK_MAX_JSON_BYTES', 2 * 1024 * 1024);

require_once NEWSMARK_DIR . 'includes/settings.php';
require_once NEWSMARK_DIR . 'includes/annotations.php';
require_once NEWSMARK_DIR . 'includes/editor.php';
require_once NEWSMARK_DIR . 'includes/frontend.php';

add_action('init', 'newsmark_register_annotations');
add_action('admin_init', 'newsmark_register_settings');
add_action('admin_menu', 'newsmark_add_settings_page');
add_action('enqueue_block_editor_assets', 'newsmark_enqueue_editor');
add_action('wp_enqueue_scripts', 'newsmark_enqueue_frontend');
