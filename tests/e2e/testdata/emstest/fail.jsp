<%@ page session="false" contentType="text/plain" %><% response.setStatus(500); %>failed on purpose
