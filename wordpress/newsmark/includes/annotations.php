<?php
/**
 * Annotations stored with a post, exposed through the REST API as the field `newsmark`
 * (GET /wp/v2/posts/ID → "newsmark": the newsmark document, or null).
 *
 * The editor sends them with the post when it is saved. It is client-supplied JSON, so it is
 * validated here before it is stored: the user must be able to edit the post, the document must
 * be a newsmark document (schema newsmark/1 or newsmark/2, the top-level fields of the JSON
 * Schema and no others, offsets inside the text), and it must be at most NEWSMARK_MAX_JSON_BYTES.
 * What is stored is WordPress's own re-encoding of the validated value, never the raw request.
 * The post's content is never touched.
 */

if (!defined('ABSPATH')) {
    exit;
}

/** The post types whose editor shows the panel and whose REST records carry the field. */
function newsmark_post_types()
{
    return apply_filters('newsmark_post_types', array('post', 'page'));
}

function newsmark_register_annotations()
{
    foreach (newsmark_post_types() as $type) {
        register_post_meta($type, NEWSMARK_META_KEY, array(
            'type'          => 'string',
            'single'        => true,
            'show_in_rest'  => false,
            'auth_callback' => function ($allowed, $key, $post_id) {
                return current_user_can('edit_post', $post_id);
            },
        ));
        register_rest_field($type, 'newsmark', array(
            'get_callback'    => 'newsmark_rest_get',
            'update_callback' => 'newsmark_rest_update',
            'schema'          => array(
                'description' => __('newsmark annotations of the post text (a newsmark/1 or newsmark/2 document), or null.', 'newsmark'),
                'type'        => array('object', 'null'),
                'context'     => array('view', 'edit'),
            ),
        ));
    }
}

function newsmark_rest_get($post)
{
    $json = get_post_meta($post['id'], NEWSMARK_META_KEY, true);
    if (!is_string($json) || $json === '') {
        return null;
    }
    $doc = json_decode($json, true);
    return is_array($doc) ? $doc : null;
}

/** Stores a validated document (or deletes it for null); a WP_Error refuses the whole request. */
function newsmark_rest_update($value, $post)
{
    if (!current_user_can('edit_post', $post->ID)) {
        return new WP_Error('newsmark_forbidden', __('You may not annotate this post.', 'newsmark'), array('status' => 403));
    }
    if ($value === null) {
        delete_post_meta($post->ID, NEWSMARK_META_KEY);
        return true;
    }
    $checked = newsmark_validate_document($value);
    if (is_wp_error($checked)) {
        return $checked;
    }
    // update_post_meta unslashes: slash the JSON so backslashes in it survive.
    update_post_meta($post->ID, NEWSMARK_META_KEY, wp_slash($checked));
    return true;
}

/**
 * The JSON text of a valid newsmark document, or a WP_Error saying what is wrong.
 * Structural checks only (the JSON Schema in the npm package is the full contract).
 */
function newsmark_validate_document($doc)
{
    $bad = function ($why) {
        return new WP_Error('newsmark_invalid', sprintf(
            /* translators: %s: what is wrong with the annotations */
            __('Invalid newsmark annotations: %s', 'newsmark'),
            $why
        ), array('status' => 400));
    };
    if (!is_array($doc)) {
        return $bad('not an object');
    }
    $json = wp_json_encode($doc);
    if (!is_string($json) || strlen($json) > NEWSMARK_MAX_JSON_BYTES) {
        return $bad('larger than ' . NEWSMARK_MAX_JSON_BYTES . ' bytes');
    }
    $allowed = array('id', 'schema', 'generator', 'offset_unit', 'length', 'text_sha256', 'entities', 'numbers', 'quotes');
    $unknown = array_diff(array_keys($doc), $allowed);
    if ($unknown) {
        return $bad('unknown field');
    }
    if (!isset($doc['schema']) || !in_array($doc['schema'], array('newsmark/1', 'newsmark/2'), true)) {
        return $bad('schema must be newsmark/1 or newsmark/2');
    }
    if (($doc['offset_unit'] ?? null) !== 'utf16') {
        return $bad('offset_unit must be utf16');
    }
    if (!is_string($doc['text_sha256'] ?? null) || !preg_match('/^[0-9a-f]{64}$/', $doc['text_sha256'])) {
        return $bad('text_sha256 must be 64 hex digits');
    }
    $length = $doc['length']['utf16'] ?? null;
    if (!is_int($length) || $length < 0) {
        return $bad('length.utf16 must be a whole number');
    }
    foreach (array('entities', 'numbers', 'quotes') as $layer) {
        if (!isset($doc[$layer]) || !is_array($doc[$layer]) || !wp_is_numeric_array($doc[$layer])) {
            return $bad($layer . ' must be a list');
        }
        foreach ($doc[$layer] as $item) {
            $s = $item['start'] ?? null;
            $e = $item['end'] ?? null;
            if (!is_array($item) || !is_int($s) || !is_int($e) || $s < 0 || $e < $s || $e > $length) {
                return $bad($layer . ': an item\'s start and end must lie in the text');
            }
        }
    }
    return $json;
}
