package io.b2bportal.catalog.admin.web;

import org.springframework.web.multipart.MultipartFile;

/** An image, datasheet or certificate to attach; the type is read from the bytes, never from the name. */
record FileForm(String kind, String title, MultipartFile file) {

    static FileForm blank() {
        return new FileForm("IMAGE", "", null);
    }
}
