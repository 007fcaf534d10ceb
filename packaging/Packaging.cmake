# Installation layout and the Debian package (cmake --build build --target package).
include(GNUInstallDirs)
install(TARGETS iamsmart-console iamsmart RUNTIME DESTINATION ${CMAKE_INSTALL_BINDIR})
install(FILES ${CMAKE_CURRENT_LIST_DIR}/linux/hk.iamsmart.console.desktop
        DESTINATION ${CMAKE_INSTALL_DATADIR}/applications)

set(CPACK_GENERATOR "DEB")
set(CPACK_PACKAGE_NAME "iamsmart-console")
set(CPACK_PACKAGE_VENDOR "iAM Smart Sandbox Console developers")
set(CPACK_PACKAGE_CONTACT "iAM Smart Sandbox Console developers <noreply@localhost>")
set(CPACK_PACKAGE_DESCRIPTION_SUMMARY "${PROJECT_DESCRIPTION}")
set(CPACK_DEBIAN_FILE_NAME DEB-DEFAULT)
set(CPACK_DEBIAN_PACKAGE_SECTION "devel")
set(CPACK_DEBIAN_PACKAGE_SHLIBDEPS ON)
set(CPACK_DEBIAN_PACKAGE_DEPENDS "fonts-noto-cjk, qt6-qpa-plugins")
include(CPack)
