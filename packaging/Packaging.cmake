# Installation layout and the Debian package (cmake --build build --target package →
# build/iamsmart-console_<version>_<arch>.deb). tests/package/tst_package.sh checks the result.
include(GNUInstallDirs)
set(IAMSMART_APP_ID "hk.iamsmart.console")

install(TARGETS iamsmart-console iamsmart RUNTIME DESTINATION ${CMAKE_INSTALL_BINDIR})
install(FILES ${CMAKE_CURRENT_LIST_DIR}/linux/${IAMSMART_APP_ID}.desktop
        DESTINATION ${CMAKE_INSTALL_DATADIR}/applications)
install(FILES ${CMAKE_CURRENT_LIST_DIR}/linux/${IAMSMART_APP_ID}.metainfo.xml
        DESTINATION ${CMAKE_INSTALL_DATADIR}/metainfo)
install(FILES ${CMAKE_CURRENT_LIST_DIR}/linux/copyright
        DESTINATION ${CMAKE_INSTALL_DATADIR}/doc/${PROJECT_NAME})

# Icons: packaging/icons/<id>.svg is the one source; the hicolor PNG sizes are rendered from it at build time
# by a small Qt tool (no image converter needed on the build machine).
set(IAMSMART_ICON_SVG ${CMAKE_CURRENT_LIST_DIR}/icons/${IAMSMART_APP_ID}.svg)
set(IAMSMART_ICON_SIZES 16 32 48 64 128 256)
set(IAMSMART_ICON_DIR ${CMAKE_BINARY_DIR}/icons/hicolor)
qt_add_executable(iamsmart_render_icon ${CMAKE_CURRENT_LIST_DIR}/icons/render_icon.cpp)
set_target_properties(iamsmart_render_icon PROPERTIES RUNTIME_OUTPUT_DIRECTORY ${CMAKE_BINARY_DIR}/packaging)
target_link_libraries(iamsmart_render_icon PRIVATE Qt6::Gui Qt6::Svg)
set(IAMSMART_ICON_PNGS "")
foreach(size IN LISTS IAMSMART_ICON_SIZES)
    list(APPEND IAMSMART_ICON_PNGS ${IAMSMART_ICON_DIR}/${size}x${size}/apps/${IAMSMART_APP_ID}.png)
endforeach()
add_custom_command(OUTPUT ${IAMSMART_ICON_PNGS}
    COMMAND iamsmart_render_icon ${IAMSMART_ICON_SVG} ${IAMSMART_ICON_DIR} ${IAMSMART_APP_ID} ${IAMSMART_ICON_SIZES}
    DEPENDS iamsmart_render_icon ${IAMSMART_ICON_SVG}
    COMMENT "Rendering the application icon (${IAMSMART_ICON_SIZES})"
    VERBATIM)
add_custom_target(iamsmart_icons ALL DEPENDS ${IAMSMART_ICON_PNGS})
foreach(size IN LISTS IAMSMART_ICON_SIZES)
    install(FILES ${IAMSMART_ICON_DIR}/${size}x${size}/apps/${IAMSMART_APP_ID}.png
            DESTINATION ${CMAKE_INSTALL_DATADIR}/icons/hicolor/${size}x${size}/apps)
endforeach()
install(FILES ${IAMSMART_ICON_SVG} DESTINATION ${CMAKE_INSTALL_DATADIR}/icons/hicolor/scalable/apps)

set(CPACK_GENERATOR "DEB")
set(CPACK_PACKAGE_NAME "${PROJECT_NAME}")
set(CPACK_PACKAGE_VENDOR "iAM Smart Sandbox Console developers")
set(CPACK_PACKAGE_CONTACT "iAM Smart Sandbox Console developers <noreply@localhost>")
set(CPACK_PACKAGE_DESCRIPTION_SUMMARY "${PROJECT_DESCRIPTION}")
set(CPACK_PACKAGE_DESCRIPTION
    "A native Qt desktop console for people who integrate Hong Kong's iAM Smart eID
into online services: every API as a prefilled form, the exact signed and
encrypted request, QR codes, a callback listener and an embedded iAM Smart
simulator, so every flow runs offline.

The package also contains 'iamsmart', the headless tool: sign, encrypt and
decrypt requests, run the simulator or the callback listener, and run guided
flows with JUnit, HTML and HAR reports.")
set(CPACK_STRIP_FILES ON) # RelWithDebInfo binaries: ship them without the debug sections
set(CPACK_DEBIAN_FILE_NAME DEB-DEFAULT) # iamsmart-console_<version>_<arch>.deb
set(CPACK_DEBIAN_PACKAGE_SECTION "devel")
set(CPACK_DEBIAN_PACKAGE_PRIORITY "optional")
set(CPACK_DEBIAN_PACKAGE_HOMEPAGE "${PROJECT_HOMEPAGE_URL}")
# Libraries the binaries link come from dpkg-shlibdeps; added here is what it cannot see: the CJK fonts the
# Chinese UI needs and the Qt platform plugins (xcb, wayland). libqt6svg6 (QtSvg, and the SVG icon and image
# plugins the window icon needs) comes from shlibdeps because the UI links QtSvg; tst_package insists on it.
set(CPACK_DEBIAN_PACKAGE_SHLIBDEPS ON)
set(CPACK_DEBIAN_PACKAGE_DEPENDS "fonts-noto-cjk, qt6-qpa-plugins")
# Without a Secret Service the console keeps secrets for the session only (and says so).
set(CPACK_DEBIAN_PACKAGE_RECOMMENDS "gnome-keyring")
include(CPack)
