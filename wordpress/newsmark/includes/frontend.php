<?php
/**
 * Highlights for readers on published posts (off by default; Settings → newsmark). The page gets a
 * JSON configuration element and one module script from this plugin's URL; the article's markup is
 * not changed (highlights are drawn with the CSS Custom Highlight API over the live text).
 * No inline script, so a strict Content-Security-Policy needs only 'self' and 'wasm-unsafe-eval'.
 */

if (!defined('ABSPATH')) {
    exit;
}

/** The containers that hold a post's text in common themes (classic and block themes). */
function newsmark_article_selector()
{
    return apply_filters('newsmark_article_selector', '.entry-content, .wp-block-post-content');
}

function newsmark_enqueue_frontend()
{
    $settings = newsmark_settings();
    if (!$settings['frontend'] || !$settings['layers'] || !is_singular(newsmark_post_types())) {
        return;
    }
    wp_enqueue_script('newsmark-front', NEWSMARK_URL . 'assets/front.js', array(), NEWSMARK_VERSION, true);
    add_action('wp_footer', 'newsmark_print_frontend_config', 5);
}

/** The reader script's settings, as JSON that the browser never executes. */
function newsmark_print_frontend_config()
{
    $settings = newsmark_settings();
    $config   = array(
        'library'  => NEWSMARK_URL . 'library/newsmark.js',
        'layers'   => array_values($settings['layers']),
        'selector' => newsmark_article_selector(),
    );
    echo '<script type="application/json" id="newsmark-config">'
        . wp_json_encode($config, JSON_HEX_TAG | JSON_HEX_AMP | JSON_HEX_APOS | JSON_HEX_QUOT)
        . "</script>\n";
}

/** Loads the reader script as a module (WordPress 6.1 has no script-module API). */
function newsmark_module_tag($tag, $handle, $src)
{
    if ($handle !== 'newsmark-front') {
        return $tag;
    }
    return '<script type="module" src="' . esc_url($src) . '" id="newsmark-front-js"></script>' . "\n";
}
add_filter('script_loader_tag', 'newsmark_module_tag', 10, 3);
