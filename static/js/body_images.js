// Article body: insert a picture from the image library into the rich-text editor.
// The list comes from the admin (only pictures the editor may see), shown as thumbnails; the
// inserted <img> keeps the library's alt text, and the server cleans the body again on save.
// On the public page the picture is shown from its renditions, with the library's caption and credit.
(function () {
  "use strict";
  document.addEventListener("prose-editor:ready", function (event) {
    var textarea = event.detail.textarea;
    var editor = event.detail.editor;
    if (!textarea || !textarea.dataset.imageLibraryUrl) { return; }
    var box = document.createElement("div");
    box.className = "body-image-picker";
    var toggle = document.createElement("button");
    toggle.type = "button";
    toggle.className = "button";
    toggle.textContent = "Insert a picture from the image library";
    toggle.setAttribute("aria-expanded", "false");
    var grid = document.createElement("ul");
    grid.className = "body-image-grid";
    grid.hidden = true;
    grid.setAttribute("aria-label", "Pictures in the image library");
    box.appendChild(toggle);
    box.appendChild(grid);
    textarea.parentElement.insertBefore(box, textarea.parentElement.firstChild);
    var loaded = false;
    function load() {
      loaded = true;
      fetch(textarea.dataset.imageLibraryUrl, { credentials: "same-origin" })
        .then(function (response) { return response.json(); })
        .then(function (data) {
          data.images.forEach(function (image) {
            var item = document.createElement("li");
            var button = document.createElement("button");
            button.type = "button";
            button.dataset.url = image.url;
            button.dataset.alt = image.alt || "";
            var thumb = document.createElement("img");
            thumb.src = image.thumb || image.url;
            thumb.alt = "";
            thumb.loading = "lazy";
            button.appendChild(thumb);
            button.appendChild(document.createTextNode(image.alt || "No alt text yet"));
            item.appendChild(button);
            grid.appendChild(item);
          });
        });
    }
    toggle.addEventListener("click", function () {
      if (!loaded) { load(); }
      grid.hidden = !grid.hidden;
      toggle.setAttribute("aria-expanded", grid.hidden ? "false" : "true");
    });
    grid.addEventListener("click", function (clicked) {
      var button = clicked.target.closest("button");
      if (!button) { return; }
      editor.chain().focus().setImage({ src: button.dataset.url, alt: button.dataset.alt }).run();
      grid.hidden = true;
      toggle.setAttribute("aria-expanded", "false");
      toggle.focus();
    });
  });
})();
