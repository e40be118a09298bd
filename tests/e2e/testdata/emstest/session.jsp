<%@ page session="true" contentType="text/plain" %><% session.setAttribute("visits", 1); %>session <%= session.getId() %>
