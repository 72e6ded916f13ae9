<?php
/**
 * Removes what the plugin stored: its settings and the annotations stored with posts.
 * WordPress runs this file when the plugin is deleted from the Plugins screen.
 */

if (!defined('WP_UNINSTALL_PLUGIN')) {
    exit;
}

delete_option('newsmark_settings');
delete_post_meta_by_key('_newsmark');
