// Article body: insert a picture from the image library into the rich-text editor.
// The list comes from the admin (only pictures the editor may see); the inserted <img> keeps the
// library's alt text, and the server cleans the body again on save.
(function () {
  "use strict";
  document.addEventListener("prose-editor:ready", function (event) {
    var textarea = event.detail.textarea;
    var editor = event.detail.editor;
    if (!textarea || !textarea.dataset.imageLibraryUrl) { return; }
    var label = document.createElement("label");
    label.className = "body-image-picker";
    label.textContent = "Insert a picture from the image library: ";
    var select = document.createElement("select");
    select.setAttribute("aria-label", "Insert a picture from the image library");
    select.innerHTML = '<option value="">choose…</option>';
    label.appendChild(select);
    textarea.parentElement.insertBefore(label, textarea.parentElement.firstChild);
    fetch(textarea.dataset.imageLibraryUrl, { credentials: "same-origin" })
      .then(function (response) { return response.json(); })
      .then(function (data) {
        data.images.forEach(function (image) {
          var option = document.createElement("option");
          option.value = image.url;
          option.dataset.alt = image.alt;
          option.textContent = image.alt || image.url;
          select.appendChild(option);
        });
      });
    select.addEventListener("change", function () {
      var option = select.options[select.selectedIndex];
      if (!option.value) { return; }
      editor.chain().focus().setImage({ src: option.value, alt: option.dataset.alt || "" }).run();
      select.selectedIndex = 0;
    });
  });
})();
