/* search.js: filled by its feature */
