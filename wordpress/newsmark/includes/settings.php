<?php
/**
 * Settings: which layers to show, whether readers see highlights on published posts, and whether
 * the editor stores annotations with the post. One option, `newsmark_settings`, saved through the
 * Settings API (options.php checks the nonce and the `manage_options` capability).
 */

if (!defined('ABSPATH')) {
    exit;
}

/** The three layers, in the order the panel shows them. */
function newsmark_layers()
{
    return array(
        'entities' => __('People, organisations and places', 'newsmark'),
        'numbers'  => __('Numbers', 'newsmark'),
        'quotes'   => __('Quotations and speakers', 'newsmark'),
    );
}

/** The settings with their defaults filled in. */
function newsmark_settings()
{
    $defaults = array(
        'layers'   => array_keys(newsmark_layers()),
        'frontend' => false,
        'store'    => true,
    );
    $saved = get_option('newsmark_settings', array());
    return array_merge($defaults, is_array($saved) ? $saved : array());
}

/** Keeps only known layers and booleans: the option is never stored as the browser sent it. */
function newsmark_sanitize_settings($input)
{
    $input  = is_array($input) ? $input : array();
    $layers = isset($input['layers']) && is_array($input['layers']) ? $input['layers'] : array();
    return array(
        'layers'   => array_values(array_intersect(array_keys(newsmark_layers()), array_map('strval', $layers))),
        'frontend' => !empty($input['frontend']),
        'store'    => !empty($input['store']),
    );
}

function newsmark_register_settings()
{
    register_setting('newsmark', 'newsmark_settings', array(
        'type'              => 'object',
        'sanitize_callback' => 'newsmark_sanitize_settings',
        'default'           => array(),
    ));
}

function newsmark_add_settings_page()
{
    add_options_page(
        __('newsmark', 'newsmark'),
        __('newsmark', 'newsmark'),
        'manage_options',
        'newsmark',
        'newsmark_render_settings_page'
    );
}

function newsmark_render_settings_page()
{
    if (!current_user_can('manage_options')) {
        return;
    }
    $s = newsmark_settings();
    ?>
    <div class="wrap">
        <h1><?php echo esc_html__('newsmark', 'newsmark'); ?></h1>
        <form method="post" action="<?php echo esc_url(admin_url('options.php')); ?>">
            <?php settings_fields('newsmark'); ?>
            <table class="form-table" role="presentation">
                <tr>
                    <th scope="row"><?php echo esc_html__('Layers', 'newsmark'); ?></th>
                    <td><fieldset>
                    <?php foreach (newsmark_layers() as $key => $label) : ?>
                        <label><input type="checkbox" name="newsmark_settings[layers][]" value="<?php echo esc_attr($key); ?>" <?php checked(in_array($key, $s['layers'], true)); ?>>
                        <?php echo esc_html($label); ?></label><br>
                    <?php endforeach; ?>
                    </fieldset></td>
                </tr>
                <tr>
                    <th scope="row"><?php echo esc_html__('Readers', 'newsmark'); ?></th>
                    <td><label><input type="checkbox" name="newsmark_settings[frontend]" value="1" <?php checked($s['frontend']); ?>>
                    <?php echo esc_html__('Highlight published posts for readers (the chosen layers; off by default)', 'newsmark'); ?></label></td>
                </tr>
                <tr>
                    <th scope="row"><?php echo esc_html__('Storage', 'newsmark'); ?></th>
                    <td><label><input type="checkbox" name="newsmark_settings[store]" value="1" <?php checked($s['store']); ?>>
                    <?php echo esc_html__('Store the annotations with the post when it is saved (REST API field "newsmark")', 'newsmark'); ?></label></td>
                </tr>
            </table>
            <?php submit_button(); ?>
        </form>
    </div>
    <?php
}
