<?php
/**
 * The block editor's newsmark panel: a classic script (assets/editor.js) on the editor's own
 * dependencies, which imports the library (library/newsmark.js) from this plugin's URL. The library
 * starts its Worker and loads the wasm from the same folder, so everything is same-origin.
 */

if (!defined('ABSPATH')) {
    exit;
}

function newsmark_enqueue_editor()
{
    $screen = function_exists('get_current_screen') ? get_current_screen() : null;
    if ($screen && !in_array($screen->post_type, newsmark_post_types(), true)) {
        return;
    }
    $settings = newsmark_settings();
    wp_enqueue_script(
        'newsmark-editor',
        NEWSMARK_URL . 'assets/editor.js',
        array('wp-plugins', 'wp-edit-post', 'wp-element', 'wp-components', 'wp-data', 'wp-i18n', 'wp-compose'),
        NEWSMARK_VERSION,
        true
    );
    wp_enqueue_style('newsmark-editor', NEWSMARK_URL . 'assets/editor.css', array(), NEWSMARK_VERSION);
    $config = array(
        'library' => NEWSMARK_URL . 'library/newsmark.js',
        'layers'  => array_values($settings['layers']),
        'store'   => (bool) $settings['store'],
    );
    wp_add_inline_script('newsmark-editor', 'window.newsmarkConfig = ' . wp_json_encode($config) . ';', 'before');
}
