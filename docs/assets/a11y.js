/* a11y.js: filled by its feature */
